using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// The words of an instruction that BuildKit expands itself (not the shell): ENV and LABEL keys and values, ARG
/// defaults, COPY/ADD sources, destination, --chown, --chmod, --checksum and unquoted heredoc bodies, RUN --mount
/// options, and the argument of WORKDIR, USER, VOLUME and STOPSIGNAL.
/// </summary>
internal static class ExpandedWords
{
    /// <summary>The words in order, each with the lexer settings for it; an ARG declaration also names what it declares for the words after it.</summary>
    public static IEnumerable<(WrittenWord Word, ExpansionOptions Options, bool Heredoc, string? Declares)> Of(InstructionSyntax instruction, ExpansionOptions options)
    {
        switch (instruction)
        {
            case KeyValueInstructionSyntax pairs:
                foreach (var pair in pairs.Pairs)
                {
                    yield return (new WrittenWord(pair.Key, pair.KeySpan), options, false, null);
                    yield return (new WrittenWord(pair.Value, pair.ValueSpan), options, false, null);
                }
                break;
            case ArgInstructionSyntax arg:
                foreach (var declaration in arg.Declarations)
                {
                    if (DefaultOf(declaration) is { } word)
                        yield return (word, options, false, declaration.Name);
                    else // nothing to expand, but the names after it in this ARG see it
                        yield return (new WrittenWord("", declaration.NameSpan), options, false, declaration.Name);
                }
                break;
            case FileTransferInstructionSyntax transfer:
                foreach (var flag in transfer.Flags)
                {
                    if (flag is { Name: "chown" or "chmod" or "checksum", Value: { } value })
                        yield return (new WrittenWord(value, flag.ValueSpan), options, false, null);
                }
                foreach (var source in transfer.PathSources)
                    yield return (WrittenWord.Of(source), options, false, null);
                if (transfer.Destination is { } destination)
                    yield return (WrittenWord.Of(destination), options, false, null);
                foreach (var source in transfer.HeredocSources)
                {
                    // BuildKit expands an unquoted heredoc's content with quotes kept and '\' as the escape, whatever # escape says.
                    if (source.Heredoc.Expand)
                        yield return (new WrittenWord(source.Heredoc.ChompedContent, source.Heredoc.BodySpan), ExpansionOptions.HeredocBody, true, null);
                }
                break;
            case RunInstructionSyntax run:
                foreach (var mount in run.Mounts)
                {
                    foreach (var option in mount.Options)
                    {
                        if (option.Value is { } value)
                            yield return (new WrittenWord(value, mount.Flag.ValueSpan), options, false, null);
                    }
                }
                break;
            case WorkdirInstructionSyntax or UserInstructionSyntax or StopSignalInstructionSyntax or VolumeInstructionSyntax:
                foreach (var argument in instruction.Arguments)
                    yield return (WrittenWord.Of(argument), options, false, null);
                break;
        }
    }

    /// <summary>An ARG declaration's default and where it is written, or null when it has none.</summary>
    public static WrittenWord? DefaultOf(ArgDeclarationSyntax declaration)
    {
        if (declaration.DefaultValue is not { } value)
            return null;
        var start = Math.Min(declaration.NameSpan.End + 1, declaration.Span.End);
        return new WrittenWord(value, TextSpan.FromBounds(start, declaration.Span.End));
    }
}
