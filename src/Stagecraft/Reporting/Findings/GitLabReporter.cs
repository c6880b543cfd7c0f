using System.Globalization;
using System.Text.Json;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>gitlab</c>: a GitLab Code Quality report, a JSON array of issues with <c>description</c>, <c>check_name</c> (the
/// rule id), <c>fingerprint</c>, <c>severity</c> and <c>location</c> (<c>path</c> relative to the repository,
/// <c>lines.begin</c>/<c>end</c>). Severities: error → critical, warning → major, info → minor, style → info.
/// The fingerprint hashes the path, the rule, the text of the finding's line and its occurrence, not line numbers, so
/// a finding keeps its identity when lines are added above it.
/// </summary>
public sealed class GitLabReporter(FindingsReporterOptions options) : IFindingsReporter
{
    public const string Name = "gitlab";

    public GitLabReporter() : this(FindingsReporterOptions.Default)
    {
    }

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        using (var json = ReportJson.Writer(output))
        {
            json.WriteStartArray();
            foreach (var file in report.Files)
            {
                var path = ReportPaths.Relative(file.Path, options.BaseDirectory);
                var fingerprints = FindingFingerprints.Of(file);
                for (var i = 0; i < file.Findings.Count; i++)
                {
                    var finding = file.Findings[i];
                    var range = ShownRange.Of(finding, file.Source);
                    var (hash, occurrence) = fingerprints[i];
                    json.WriteStartObject();
                    json.WriteString("description", $"{finding.Message} ({finding.Rule.Id})");
                    json.WriteString("check_name", finding.Rule.Id);
                    json.WriteString("fingerprint", FindingFingerprints.Hash(string.Create(CultureInfo.InvariantCulture, $"{path}\0{hash}\0{occurrence}")));
                    json.WriteString("severity", Severity(finding.Severity));
                    json.WriteStartObject("location");
                    json.WriteString("path", path);
                    json.WriteStartObject("lines");
                    json.WriteNumber("begin", range.Line);
                    json.WriteNumber("end", range.EndLine);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>Code Quality severities are info, minor, major, critical and blocker; blocker is left for nothing we report.</summary>
    internal static string Severity(Severity severity) => severity switch
    {
        Analysis.Severity.Error => "critical",
        Analysis.Severity.Warning => "major",
        Analysis.Severity.Info => "minor",
        _ => "info",
    };
}
