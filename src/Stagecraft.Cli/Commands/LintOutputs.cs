using System.CommandLine;
using System.CommandLine.Parsing;

namespace Stagecraft.Cli.Commands;

/// <summary>One report to write: a format and its file, or standard output when <see cref="File"/> is null.</summary>
internal sealed record LintOutput(string Format, string? File);

/// <summary>
/// Pairs repeated <c>--format</c> and <c>--output</c> in the order they were typed: each <c>--output</c> belongs to the
/// <c>--format</c> just before it; a <c>--format</c> without one goes to standard output, which takes one format only.
/// </summary>
internal static class LintOutputs
{
    public static IReadOnlyList<LintOutput> Pair(ParseResult parse, Option<string[]> format, Option<string[]> output, string defaultFormat)
    {
        var formats = parse.GetResult(format)?.Tokens ?? [];
        var outputs = parse.GetResult(output)?.Tokens ?? [];

        // The option results hold their values; the parse's token list holds the order they were typed in. Plain loops:
        // this runs in every lint, and LINQ's generic iterators cost a one-file lint more than the pairing itself.
        var pairs = new List<LintOutput>();
        var waiting = -1; // the last --format that has no --output yet
        foreach (var token in parse.Tokens)
        {
            if (Holds(formats, token))
            {
                pairs.Add(new LintOutput(token.Value, null));
                waiting = pairs.Count - 1;
                continue;
            }
            if (!Holds(outputs, token))
                continue;
            if (waiting < 0)
            {
                throw new StagecraftException(pairs.Count == 0
                    ? $"--output {token.Value} needs a --format before it (e.g. --format gnu --output {token.Value})"
                    : $"--output {token.Value} follows a --format that already has an output; give each --output its own --format");
            }
            pairs[waiting] = pairs[waiting] with { File = token.Value == "-" ? null : token.Value };
            waiting = -1;
        }
        if (pairs.Count == 0)
            pairs.Add(new LintOutput(defaultFormat, null));

        var toStandardOutput = new List<string>();
        string? twice = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].File is not { } file)
                toStandardOutput.Add(pairs[i].Format);
            else if (twice is null && pairs.FindIndex(0, i, p => string.Equals(p.File, file, StringComparison.Ordinal)) >= 0)
                twice = file;
        }
        if (toStandardOutput.Count > 1)
        {
            throw new StagecraftException(
                $"{string.Join(" and ", toStandardOutput)} would both go to standard output; give all but one of them --output FILE");
        }
        if (twice is not null)
            throw new StagecraftException($"--output {twice} is given twice");
        return pairs;
    }

    private static bool Holds(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
                return true;
        }
        return false;
    }
}
