using System.Text;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// One line per finding, <c>path:line:col CODE severity: message</c>: the shape editors and reviewdog match with regular
/// expressions, so it never changes and a message never spans lines.
/// </summary>
public sealed class GnuReporter : IFindingsReporter
{
    public string Format => "gnu";

    public void Write(LintReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true) { NewLine = "\n" };
        foreach (var finding in report.Findings)
        {
            writer.WriteLine(
                $"{finding.Path}:{finding.Line}:{finding.Column} {finding.Rule.Id} {Severities.Name(finding.Severity)}: {finding.Message.ReplaceLineEndings(" ")}");
        }
    }
}
