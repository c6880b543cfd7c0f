using System.Text;
using Stagecraft.Images.Policy;
using Stagecraft.Reporting.Findings;

namespace Stagecraft.Reporting.Images;

/// <summary>
/// <c>check --format github</c>: GitHub Actions workflow commands — an <c>::error</c> annotation per failed rule (its
/// findings in the message), and a last <c>::notice</c> with the result. An image has no file and line in the
/// repository, so the annotations show on the run's summary rather than in a diff.
/// </summary>
public static class CheckGitHubWriter
{
    public static void Write(PolicyReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var check in report.Checks.Where(c => !c.Passed).Take(GitHubReporter.PerStepLimit))
        {
            var message = new StringBuilder($"{report.Reference}: {check.Measure}: {CheckText.Message(check)}");
            writer.WriteLine($"::error title={GitHubReporter.Property("stagecraft check " + check.Rule)}::{GitHubReporter.Data(message.ToString())}");
        }
        writer.WriteLine($"::notice title=stagecraft check::{GitHubReporter.Data($"{report.Reference}: {CheckText.Summary(report)}")}");
    }
}
