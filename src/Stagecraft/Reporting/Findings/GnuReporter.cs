using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>gnu</c>: one line per finding, <c>path:line:col CODE severity: message</c>. Editor plugins and reviewdog match
/// this with regular expressions, so its shape never changes: the path as the user gave it, the start position, the
/// rule id, the severity word (error, warning, info, style), and the message with line breaks folded into spaces.
/// </summary>
public sealed class GnuReporter : IFindingsReporter
{
    public const string Name = "gnu";

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings)
            {
                WriteLine(writer, finding, file.Source);
                writer.Write('\n');
            }
        }
    }

    /// <summary>The line for one finding, without a line break at the end; other formats quote it.</summary>
    internal static string Line(Finding finding, SourceText source)
    {
        using var writer = new StringWriter();
        WriteLine(writer, finding, source);
        return writer.ToString();
    }

    // Written in pieces rather than built as one string: a repository's report is thousands of lines, and a string per
    // line was a tenth of the memory a whole-repository lint touched.
    private static void WriteLine(TextWriter writer, Finding finding, SourceText source)
    {
        var range = ShownRange.Of(finding, source);
        writer.Write(OneLine(finding.Path));
        writer.Write(':');
        writer.Write(range.Line);
        writer.Write(':');
        writer.Write(range.Column);
        writer.Write(' ');
        writer.Write(finding.Rule.Id);
        writer.Write(' ');
        writer.Write(Severities.Name(finding.Severity));
        writer.Write(": ");
        writer.Write(OneLine(finding.Message));
    }

    // Messages rarely hold a line break; ReplaceLineEndings' own scan for every Unicode break is several times slower than these two.
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAnyInRange('\n', '\r') < 0 && text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029') < 0
            ? text : text.ReplaceLineEndings(" ");
}
