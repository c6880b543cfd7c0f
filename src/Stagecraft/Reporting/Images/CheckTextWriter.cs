using System.Text;
using Stagecraft.Images.Policy;

namespace Stagecraft.Reporting.Images;

/// <summary><c>check --format tty</c>: one line per rule (status, rule, measured, limit, what it measures), each forbidden thing below its rule, then the result.</summary>
public static class CheckTextWriter
{
    public static void Write(PolicyReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"Image {report.Reference} ({report.ImageId})");
        var ruleWidth = report.Checks.Max(c => (int?)c.Rule.Length) ?? 4;
        var measuredWidth = report.Checks.Max(c => (int?)CheckText.Measured(c).Length) ?? 8;
        var limitWidth = report.Checks.Max(c => (int?)CheckText.Limit(c).Length) ?? 5;
        foreach (var check in report.Checks)
        {
            writer.WriteLine($"{CheckText.Status(check)}  {check.Rule.PadRight(ruleWidth)}  {CheckText.Measured(check).PadLeft(measuredWidth)}  {CheckText.Limit(check).PadRight(limitWidth)}  {check.Measure}");
            if (check.Unit == PolicyUnit.Flag && check.Detail is { } detail)
                writer.WriteLine($"      {detail}");
            else if (check.Detail is { } note)
                writer.WriteLine($"      {note}");
            foreach (var violation in check.Violations)
                writer.WriteLine($"      {CheckText.Violation(violation)}");
        }
        writer.WriteLine($"Result: {(report.Passed ? "PASS" : "FAIL")}, {CheckText.Summary(report)}");
    }
}
