using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>Applies a fix's edits to a Dockerfile's text (spans are UTF-8 byte offsets), as the shared applier will: sorted, no overlaps.</summary>
internal static class FixApplierForTests
{
    public static string Apply(string text, Fix fix) => Apply(text, fix.Edits);

    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var ordered = edits.OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.End).ToArray();
        for (var i = 1; i < ordered.Length; i++)
            Assert.True(ordered[i].Span.End <= ordered[i - 1].Span.Start, $"edits {ordered[i].Span} and {ordered[i - 1].Span} overlap");
        foreach (var edit in ordered)
        {
            bytes.RemoveRange(edit.Span.Start, edit.Span.Length);
            bytes.InsertRange(edit.Span.Start, Encoding.UTF8.GetBytes(edit.NewText));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Applies the fixes of every finding at once, asserts the result parses without errors, and returns it.</summary>
    public static string ApplyAll(string text, IEnumerable<Finding> findings)
    {
        var fixedText = Apply(text, findings.Where(f => f.Fix is not null).SelectMany(f => f.Fix!.Edits));
        var tree = SyntaxTree.Parse(fixedText);
        Assert.False(tree.HasErrors, "the fixed file does not parse: " + string.Join("; ", tree.Diagnostics.Select(d => d.Message)) + "\n" + fixedText);
        return fixedText;
    }
}
