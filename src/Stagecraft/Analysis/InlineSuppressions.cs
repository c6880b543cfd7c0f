using System.Text.RegularExpressions;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>
/// <c># stagecraft ignore=ID,…</c> comments: on the line(s) just above an instruction they silence it; with
/// <c>global</c> the whole file; with <c>stage</c> the rest of the stage. Applied by the engine after all rules ran.
/// </summary>
internal sealed partial class InlineSuppressions
{
    private readonly List<(TextSpan Scope, string[] Codes)> _scopes = [];

    [GeneratedRegex(@"^\s*stagecraft\s+(?:(?<scope>global|stage)\s+)?ignore\s*=\s*(?<codes>[A-Za-z0-9_,\s-]+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pragma();

    public static InlineSuppressions From(SyntaxTree tree)
    {
        var result = new InlineSuppressions();
        var children = tree.Root.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not CommentSyntax comment)
                continue;
            var match = Pragma().Match(comment.Text);
            if (!match.Success)
                continue;
            var codes = match.Groups["codes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var scope = match.Groups["scope"].Value.ToLowerInvariant() switch
            {
                "global" => new TextSpan(0, tree.Source.Length),
                "stage" => TextSpan.FromBounds(comment.Span.Start, NextFrom(children, i, tree.Source.Length)),
                _ => NextInstruction(children, i) is { } next ? next.Span : default,
            };
            if (scope.Length > 0)
                result._scopes.Add((scope, codes));
        }
        return result;
    }

    public bool Suppresses(Finding finding) =>
        _scopes.Any(s => s.Scope.Contains(finding.Span.Start) && s.Codes.Any(code => Matches(finding, code)));

    private static bool Matches(Finding finding, string code) =>
        finding.Rule.Id.Equals(code, StringComparison.OrdinalIgnoreCase) || finding.Aliases.Any(a => a.Equals(code, StringComparison.OrdinalIgnoreCase))
        || finding.Rule.Name.Equals(code, StringComparison.OrdinalIgnoreCase);

    /// <summary>The instruction right after a run of comment lines (blank lines end the run).</summary>
    private static InstructionSyntax? NextInstruction(IReadOnlyList<SyntaxNode> children, int index)
    {
        for (var j = index + 1; j < children.Count; j++)
        {
            switch (children[j])
            {
                case InstructionSyntax instruction:
                    return instruction;
                case CommentSyntax:
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    private static int NextFrom(IReadOnlyList<SyntaxNode> children, int index, int end)
    {
        for (var j = index + 1; j < children.Count; j++)
        {
            if (children[j] is FromInstructionSyntax from)
                return from.Span.Start;
        }
        return end;
    }
}
