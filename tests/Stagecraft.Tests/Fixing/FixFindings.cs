using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Fixing;

/// <summary>Hand-made findings carrying given fixes, so the applier's choices can be tested without depending on what rules report.</summary>
internal static class FixFindings
{
    public static RuleDescriptor RuleA { get; } = RuleDescriptor.Create("STG901", "test-fix-a", "Test fix A", Severity.Warning, RuleCategory.Maintainability);

    public static RuleDescriptor RuleB { get; } = RuleDescriptor.Create("STG902", "test-fix-b", "Test fix B", Severity.Warning, RuleCategory.Maintainability);

    public static Finding With(SyntaxTree tree, RuleDescriptor rule, string title, FixSafety safety, params TextEdit[] edits)
    {
        var span = edits.Length > 0 ? edits[0].Span : new TextSpan(0, 0);
        return new Finding
        {
            Rule = rule,
            Path = "Dockerfile",
            Span = span,
            Range = tree.GetRange(span),
            Severity = Severity.Warning,
            Message = title,
            Fix = new Fix(title, safety, edits),
        };
    }

    /// <summary>The byte offset of the first <paramref name="needle"/> in the text (UTF-8).</summary>
    public static int At(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' not in the text");
        return System.Text.Encoding.UTF8.GetByteCount(text[..index]);
    }
}
