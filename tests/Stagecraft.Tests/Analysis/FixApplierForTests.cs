using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>
/// Applies fixes to a Dockerfile for tests, as the shared applier will: edits are UTF-8 byte spans, applied from the end
/// of the file backwards; an edit overlapping one already applied is skipped; inserts at one offset keep their order.
/// </summary>
internal static class FixApplierForTests
{
    public static string Apply(string text, Fix fix) => Apply(text, fix.Edits);

    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        var limit = int.MaxValue;
        var ordered = edits.Select((edit, index) => (edit, index))
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
        AssertParses(fixedText);
        var again = RuleAssert.Lint(rule, fixedText);
        Assert.True(again.Count == remainingFindings, $"expected {remainingFindings} finding(s) after the fix, got: {string.Join("; ", again.Select(f => f.Message))}\n{fixedText}");
        return fixedText;
    }

    /// <summary>Applies the fixes of every finding at once, asserts the result parses without errors, and returns it.</summary>
    public static string ApplyAll(string text, IEnumerable<Finding> findings)
    {
        var fixedText = Apply(text, findings.Where(f => f.Fix is not null).SelectMany(f => f.Fix!.Edits));
        AssertParses(fixedText);
        return fixedText;
    }

    private static void AssertParses(string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.False(tree.HasErrors, "the fixed file does not parse: " + string.Join("; ", tree.Diagnostics.Select(d => d.Message)) + "\n" + text);
    }
}
