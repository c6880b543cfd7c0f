namespace Stagecraft.Syntax;

/// <summary>COPY and ADD: sources (files, URLs, heredocs), a destination, and their flags.</summary>
public abstract class FileTransferInstructionSyntax : InstructionSyntax
{
    private protected FileTransferInstructionSyntax(InstructionParts parts) : base(parts)
    {
        if (Arguments.Count >= 1)
        {
            Destination = Arguments[^1];
            Sources = Arguments.Take(Arguments.Count - 1).ToArray();
        }
        else
        {
            Sources = [];
        }
    }

    /// <summary>Every argument but the last: paths, globs, URLs or heredoc markers such as <c>&lt;&lt;EOF</c>.</summary>
    public IReadOnlyList<ArgumentSyntax> Sources { get; }

    public ArgumentSyntax? Destination { get; }

    public FlagSyntax? Chown => GetFlag("chown");
    public FlagSyntax? Chmod => GetFlag("chmod");
    public FlagSyntax? Link => GetFlag("link");
    public IEnumerable<FlagSyntax> Excludes => GetFlags("exclude");
}

/// <summary><c>COPY [--from=…] [--chown=…] [--chmod=…] [--link] [--parents] [--exclude=…] src… dest</c>.</summary>
public sealed class CopyInstructionSyntax : FileTransferInstructionSyntax
{
    internal CopyInstructionSyntax(InstructionParts parts) : base(parts) { }

    /// <summary>The stage, stage index or image named by <c>--from</c>.</summary>
    public FlagSyntax? From => GetFlag("from");
    public FlagSyntax? Parents => GetFlag("parents");
}

/// <summary><c>ADD [--chown] [--chmod] [--link] [--checksum] [--keep-git-dir] [--unpack] [--exclude] src… dest</c>.</summary>
public sealed class AddInstructionSyntax : FileTransferInstructionSyntax
{
    internal AddInstructionSyntax(InstructionParts parts) : base(parts) { }

    public FlagSyntax? Checksum => GetFlag("checksum");
    public FlagSyntax? KeepGitDir => GetFlag("keep-git-dir");
    public FlagSyntax? Unpack => GetFlag("unpack");
}
