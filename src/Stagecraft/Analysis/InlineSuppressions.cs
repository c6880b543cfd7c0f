using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>
/// <c># stagecraft ignore=ID,…</c> comments (or <c># hadolint …</c>, the same grammar; see <see cref="CommentPragma"/>):
/// on the line(s) just above an instruction they silence it; with <c>global</c> the whole file; with <c>stage</c> a
/// stage. Applied by the engine after all rules ran.
/// </summary>
internal sealed class InlineSuppressions
{
    private readonly List<(TextSpan Scope, IReadOnlyList<string> Codes)> _scopes = [];

    public static InlineSuppressions From(SyntaxTree tree)
    {
        var result = new InlineSuppressions();
        var children = tree.Root.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not CommentSyntax comment || CommentPragma.Parse(comment) is not { Kind: not PragmaKind.Shell } pragma)
                continue;
            var next = NextInstruction(children, i);
            var scope = pragma.Kind switch
            {
                PragmaKind.GlobalIgnore => new TextSpan(0, tree.Source.Length),
                PragmaKind.StageIgnore => StageScope(children, i, next, tree.Source.Length),
                _ => next >= 0 ? children[next].Span : default,
            };
            // A retired rule's id or name (written for an earlier version) silences the findings that carry its code now.
            if (scope.Length > 0)
                result._scopes.Add((scope, pragma.Codes.Select(RetiredRules.Current).ToArray()));
        }
        return result;
    }

    public bool Suppresses(Finding finding) =>
        _scopes.Any(s => s.Scope.Contains(finding.Span.Start) && s.Codes.Any(code => Matches(finding, code)));

    private static bool Matches(Finding finding, string code) =>
        finding.Rule.Id.Equals(code, StringComparison.OrdinalIgnoreCase) || finding.Aliases.Any(a => a.Equals(code, StringComparison.OrdinalIgnoreCase))
        || finding.Rule.Name.Equals(code, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Right above a FROM (as hadolint users write it) the pragma covers that stage; anywhere else, the rest of the
    /// stage it sits in.
    /// </summary>
    private static TextSpan StageScope(IReadOnlyList<SyntaxNode> children, int index, int next, int end) =>
        next >= 0 && children[next] is FromInstructionSyntax from
            ? TextSpan.FromBounds(from.Span.Start, NextFrom(children, next, end))
            : TextSpan.FromBounds(children[index].Span.Start, NextFrom(children, index, end));

    /// <summary>The index of the instruction right after a run of comment lines (blank lines end the run), or -1.</summary>
    private static int NextInstruction(IReadOnlyList<SyntaxNode> children, int index)
    {
        for (var j = index + 1; j < children.Count; j++)
        {
            switch (children[j])
            {
                case InstructionSyntax:
                    return j;
                case CommentSyntax:
                    continue;
                default:
                    return -1;
            }
        }
        return -1;
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
