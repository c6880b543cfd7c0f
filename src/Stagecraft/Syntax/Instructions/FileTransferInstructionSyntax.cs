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
        var pathSources = new List<ArgumentSyntax>();
        var heredocSources = new List<HeredocSource>();
        var nextHeredoc = 0;
        foreach (var source in Sources)
        {
            if (HeredocMarkerReader.TryParseWord(source.Value, out var marker, out _) && marker is not null && nextHeredoc < Heredocs.Count)
                heredocSources.Add(new HeredocSource(source, Heredocs[nextHeredoc++]));
            else
                pathSources.Add(source);
        }
        PathSources = pathSources;
        HeredocSources = heredocSources;
    }

    /// <summary>Sources that name files, folders, globs or URLs (heredoc markers excluded).</summary>
    public IReadOnlyList<ArgumentSyntax> PathSources { get; }

    /// <summary>Sources written inline as heredocs, each with the heredoc that holds its content.</summary>
    public IReadOnlyList<HeredocSource> HeredocSources { get; }

    /// <summary>True when the destination itself is written as a heredoc marker, which BuildKit refuses.</summary>
    public bool DestinationIsHeredoc =>
        Destination is not null && HeredocMarkerReader.TryParseWord(Destination.Value, out var marker, out _) && marker is not null;

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

/// <summary>A COPY/ADD source given inline: the marker argument and its heredoc.</summary>
public sealed record HeredocSource(ArgumentSyntax Marker, HeredocSyntax Heredoc)
{
    /// <summary>The file name BuildKit gives the content: the heredoc's name.</summary>
    public string Path => Heredoc.Name;
}
