using System.Text.RegularExpressions;

namespace Stagecraft.Syntax;

/// <summary>
/// A comment that instructs the linter: <c># stagecraft ignore=ID,…</c>, with <c>stage</c> or <c>global</c> before
/// <c>ignore</c>, or <c># stagecraft shell=NAME</c>. <c>hadolint</c> may stand for <c>stagecraft</c>, so Dockerfiles
/// written for hadolint keep working. Another comment may follow after a second <c>#</c>.
/// </summary>
public sealed partial record CommentPragma(PragmaKind Kind, IReadOnlyList<string> Codes, string? Shell)
{
    [GeneratedRegex("""
        ^\s*(?:stagecraft|hadolint)\s+
        (?:
            (?:(?<scope>global|stage)\s+)?ignore\s*=\s*(?<codes>[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*,?
          | shell\s*=\s*(?<shell>[^\s#]+)
        )
        \s*(?:\#.*)?$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Grammar();

    /// <summary>The pragma a comment holds, or null for an ordinary comment.</summary>
    public static CommentPragma? Parse(CommentSyntax comment) =>
        comment.StartsWithAscii("stagecraft") || comment.StartsWithAscii("hadolint") ? Parse(comment.Text) : null;

    /// <summary>The pragma in a comment's text (after '#'), or null when it holds none.</summary>
    public static CommentPragma? Parse(string text)
    {
        // Most comments are prose: skip the regex unless the comment starts with one of the two tool names.
        var start = text.AsSpan().TrimStart();
        if (!start.StartsWith("stagecraft", StringComparison.OrdinalIgnoreCase) && !start.StartsWith("hadolint", StringComparison.OrdinalIgnoreCase))
            return null;
        var match = Grammar().Match(text);
        if (!match.Success)
            return null;
        if (match.Groups["shell"].Success)
            return new CommentPragma(PragmaKind.Shell, [], match.Groups["shell"].Value);
        var codes = match.Groups["codes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kind = match.Groups["scope"].Value.ToLowerInvariant() switch
        {
            "global" => PragmaKind.GlobalIgnore,
            "stage" => PragmaKind.StageIgnore,
            _ => PragmaKind.Ignore,
        };
        return new CommentPragma(kind, codes, null);
    }
}
