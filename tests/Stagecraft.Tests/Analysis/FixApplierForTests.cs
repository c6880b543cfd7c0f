using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>
/// Applies a fix's edits to a Dockerfile for tests, as the shared applier will: edits are byte spans, applied from the end
/// of the file backwards; an edit overlapping one already applied is skipped; inserts at one offset keep their order.
/// </summary>
internal static class FixApplierForTests
{
    public static string Apply(string text, Fix fix)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        var limit = int.MaxValue;
        var ordered = fix.Edits.Select((edit, index) => (edit, index))
            .OrderByDescending(e => e.edit.Span.Start).ThenByDescending(e => e.index);
        foreach (var (edit, _) in ordered)
        {
            if (edit.Span.End > limit)
                continue;
            bytes.RemoveRange(edit.Span.Start, edit.Span.Length);
            bytes.InsertRange(edit.Span.Start, Encoding.UTF8.GetBytes(edit.NewText));
            limit = edit.Span.Start;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Applies the fix, asserts the result parses without errors and the rule no longer reports at the fixed place, and returns it.</summary>
    public static string ApplyAndRecheck(Rule rule, string text, Finding finding, int remainingFindings = 0)
    {
        Assert.NotNull(finding.Fix);
        var fixedText = Apply(text, finding.Fix);
        var tree = SyntaxTree.Parse(fixedText);
        Assert.False(tree.HasErrors, "the fixed file does not parse: " + string.Join("; ", tree.Diagnostics.Select(d => d.Message)) + "\n" + fixedText);
        var again = RuleAssert.Lint(rule, fixedText);
        Assert.True(again.Count == remainingFindings, $"expected {remainingFindings} finding(s) after the fix, got: {string.Join("; ", again.Select(f => f.Message))}\n{fixedText}");
        return fixedText;
    }
}
