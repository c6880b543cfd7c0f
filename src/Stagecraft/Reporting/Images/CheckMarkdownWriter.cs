using System.Text;
using Stagecraft.Images.Policy;

namespace Stagecraft.Reporting.Images;

/// <summary>
/// <c>check --format markdown</c>: a heading with the result, a table of every rule, and what each failed rule found —
/// for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
public static class CheckMarkdownWriter
{
    public static void Write(PolicyReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"### {(report.Passed ? "✅" : "❌")} Image check: {CheckText.Summary(report)}");
        writer.WriteLine();
        writer.WriteLine($"`{Code(report.Reference)}` (`{report.ImageId}`)");
        writer.WriteLine();
        writer.WriteLine("| | Rule | Measured | Limit | Measures |");
        writer.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var check in report.Checks)
            writer.WriteLine($"| {(check.Passed ? "✅" : "❌")} | `{check.Rule}` | {Cell(CheckText.Measured(check))} | {Cell(CheckText.Limit(check))} | {Cell(check.Measure)} |");
        foreach (var check in report.Checks.Where(c => !c.Passed))
        {
            writer.WriteLine();
            if (check.Violations.Count == 0)
            {
                writer.WriteLine($"**`{check.Rule}`**: {Cell(CheckText.Message(check))}");
                continue;
            }
            writer.WriteLine($"**`{check.Rule}`**: {CheckText.Measured(check)}");
            writer.WriteLine();
            foreach (var violation in check.Violations)
                writer.WriteLine($"- {Cell(CheckText.Violation(violation))}");
        }
    }

    // Pipes end a table cell and backticks a code span; line breaks end a row.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal);
}
