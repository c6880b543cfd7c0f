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
    /// <summary>
    /// Puts the words in order into <paramref name="words"/> (cleared first), each with the lexer settings for it; an ARG
    /// declaration also names what it declares for the words after it.
    /// </summary>
    /// <remarks>Fills a list the caller reuses: this runs for every instruction of every file, and an iterator per instruction was most of its cost.</remarks>
    public static void Collect(InstructionSyntax instruction, ExpansionOptions options, List<ExpandedWord> words)
    {
        words.Clear();
        switch (instruction)
        {
            case KeyValueInstructionSyntax pairs:
                for (var i = 0; i < pairs.Pairs.Count; i++)
                {
                    var pair = pairs.Pairs[i];
                    words.Add(new(new WrittenWord(pair.Key, pair.KeySpan), options, false, null));
                    words.Add(new(new WrittenWord(pair.Value, pair.ValueSpan), options, false, null));
                }
                break;
            case ArgInstructionSyntax arg:
                for (var i = 0; i < arg.Declarations.Count; i++)
                {
                    var declaration = arg.Declarations[i];
                    // with no default there is nothing to expand, but the names after it in this ARG see it
                    words.Add(new(DefaultOf(declaration) ?? new WrittenWord("", declaration.NameSpan), options, false, declaration.Name));
                }
                break;
            case FileTransferInstructionSyntax transfer:
                for (var i = 0; i < transfer.Flags.Count; i++)
                {
                    if (transfer.Flags[i] is { Name: "chown" or "chmod" or "checksum", Value: { } value } flag)
                        words.Add(new(new WrittenWord(value, flag.ValueSpan), options, false, null));
                }
                for (var i = 0; i < transfer.PathSources.Count; i++)
                    words.Add(new(WrittenWord.Of(transfer.PathSources[i]), options, false, null));
                if (transfer.Destination is { } destination)
                    words.Add(new(WrittenWord.Of(destination), options, false, null));
                for (var i = 0; i < transfer.HeredocSources.Count; i++)
                {
                    // BuildKit expands an unquoted heredoc's content with quotes kept and '\' as the escape, whatever # escape says.
                    var heredoc = transfer.HeredocSources[i].Heredoc;
                    if (heredoc.Expand)
                        words.Add(new(new WrittenWord(heredoc.ChompedContent, heredoc.BodySpan), ExpansionOptions.HeredocBody, true, null));
                }
                break;
            case RunInstructionSyntax run:
                for (var i = 0; i < run.Mounts.Count; i++)
                {
                    var mount = run.Mounts[i];
                    for (var j = 0; j < mount.Options.Count; j++)
                    {
                        if (mount.Options[j].Value is { } value)
                            words.Add(new(new WrittenWord(value, mount.Flag.ValueSpan), options, false, null));
                    }
                }
                break;
            case WorkdirInstructionSyntax or UserInstructionSyntax or StopSignalInstructionSyntax or VolumeInstructionSyntax:
                for (var i = 0; i < instruction.Arguments.Count; i++)
                    words.Add(new(WrittenWord.Of(instruction.Arguments[i]), options, false, null));
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

/// <summary>One word BuildKit expands, the lexer settings for it, whether it is a heredoc body, and the name an ARG declares with it.</summary>
internal readonly record struct ExpandedWord(WrittenWord Word, ExpansionOptions Options, bool Heredoc, string? Declares);
