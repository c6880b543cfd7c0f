using System.Globalization;
using System.Text;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>github</c>: GitHub Actions workflow commands, one annotation per finding:
/// <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ID name::message</c> (<c>warning</c> for warnings,
/// <c>notice</c> for info and style). Columns are given only for one-line spans, as GitHub ignores them otherwise.
/// <para>
/// GitHub shows at most <see cref="PerStepLimit"/> annotations of each kind per step (and 50 per job) and silently drops
/// the rest. So at most that many of each kind are written as annotations; the others are written as plain gnu lines, so
/// the log still lists every finding, and a last <c>::notice::</c> says how many were left out and where to find them. When
/// that notice is needed it takes one of the notice places, so it is always shown.
/// </para>
/// </summary>
public sealed class GitHubReporter(FindingsReporterOptions options) : IFindingsReporter
{
    public const string Name = "github";

    /// <summary>Annotations of one kind (error, warning, notice) GitHub shows per step.</summary>
    public const int PerStepLimit = 10;

    public GitHubReporter() : this(FindingsReporterOptions.Default)
    {
    }

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        var perKind = report.Findings.GroupBy(f => Command(f.Severity)).ToDictionary(g => g.Key, g => g.Count());
        var overflows = perKind.Values.Any(count => count > PerStepLimit);
        var limits = new Dictionary<string, int>
        {
            ["error"] = PerStepLimit,
            ["warning"] = PerStepLimit,
            ["notice"] = overflows ? PerStepLimit - 1 : PerStepLimit,
        };
        var written = new Dictionary<string, int>();
        var left = 0;
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings)
            {
                var command = Command(finding.Severity);
                var count = written[command] = written.GetValueOrDefault(command) + 1;
                if (count <= limits[command])
                {
                    writer.WriteLine(Annotation(command, finding, file));
                }
                else
                {
                    left++;
                    writer.WriteLine(GnuReporter.Line(finding, file.Source));
                }
            }
        }
        if (left > 0)
            writer.WriteLine("::notice title=Stagecraft::" + Data(LimitNotice(left)));
    }

    /// <summary>The text of the last notice when findings did not fit in GitHub's annotation limits.</summary>
    public static string LimitNotice(int left) => string.Create(CultureInfo.InvariantCulture,
        $"{left} more {(left == 1 ? "finding is" : "findings are")} not shown as annotations: GitHub shows at most {PerStepLimit} errors, {PerStepLimit} warnings and {PerStepLimit} notices per step (50 per job). They are listed in this log; for the full report use --format sarif (code scanning) or --format gnu.");

    /// <summary>The workflow command for a severity: info and style are notices.</summary>
    internal static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private string Annotation(string command, Finding finding, FileLintResult file)
    {
        var builder = new StringBuilder("::").Append(command);
        var properties = new List<string>(6);
        if (finding.Path != ReportPaths.StandardInput)
        {
            var range = ShownRange.Of(finding, file.Source);
            properties.Add("file=" + Property(ReportPaths.Relative(finding.Path, options.BaseDirectory)));
            properties.Add(Number("line", range.Line));
            if (range.IsOneLine)
            {
                properties.Add(Number("col", range.Column));
                properties.Add(Number("endLine", range.EndLine));
                if (range.EndColumn > range.Column)
                    properties.Add(Number("endColumn", range.EndColumn));
            }
            else
            {
                properties.Add(Number("endLine", range.EndLine));
            }
        }
        properties.Add("title=" + Property($"{finding.Rule.Id} {finding.Rule.Name}"));
        builder.Append(' ').AppendJoin(',', properties);
        return builder.Append("::").Append(Data(finding.Message)).ToString();
    }

    private static string Number(string name, int value) => string.Create(CultureInfo.InvariantCulture, $"{name}={value}");

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    internal static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as <see cref="Data"/>, plus <c>:</c> and <c>,</c>, which end a property.</summary>
    internal static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
