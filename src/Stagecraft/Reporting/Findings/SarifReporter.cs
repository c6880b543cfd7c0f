using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings.Sarif;
using Stagecraft.Syntax;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>sarif</c>: SARIF 2.1.0 as GitHub code scanning accepts it. One run; <c>tool.driver.rules</c> lists every rule the
/// run knew (not only those that fired), with the explanation as help; each result has its rule index, a level (error,
/// warning, or note for info and style), a region that never has line or column 0, a <c>stagecraft/v1</c> partial
/// fingerprint that does not depend on line numbers, and its fix as artifact changes. Paths are relative to
/// <c>%SRCROOT%</c> with forward slashes and percent-encoded as URIs; columns count Unicode code points.
/// GitHub rejects files over 10 MB; with full help for every rule a report stays far below that unless it holds
/// tens of thousands of findings.
/// </summary>
public sealed class SarifReporter(FindingsReporterOptions options) : IFindingsReporter
{
    public const string Name = "sarif";
    public const string ToolName = "Stagecraft";
    public const string InformationUri = "https://github.com/stagecraft-dev/stagecraft";
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>The <c>partialFingerprints</c> key: <c>hash:occurrence</c>, see <see cref="FindingFingerprints"/>.</summary>
    public const string FingerprintKey = "stagecraft/v1";

    private static readonly SarifContext Context = new(new JsonSerializerOptions(SarifContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public SarifReporter() : this(FindingsReporterOptions.Default)
    {
    }

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        JsonSerializer.Serialize(output, ToLog(report), Context.SarifLog);
        output.WriteByte((byte)'\n');
    }

    public SarifLog ToLog(LintReport report)
    {
        var rules = options.Rules.Select(SarifRules.From).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
            index.TryAdd(rules[i].Id, i);
        foreach (var descriptor in report.Findings.Select(f => f.Rule).Where(r => !index.ContainsKey(r.Id)).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            index[descriptor.Id] = rules.Count;
            rules.Add(SarifRules.From(descriptor));
        }

        var results = new List<SarifResult>();
        foreach (var file in report.Files)
        {
            var location = Location(file.Path);
            var fingerprints = FindingFingerprints.Of(file);
            for (var i = 0; i < file.Findings.Count; i++)
            {
                var finding = file.Findings[i];
                var range = ShownRange.Of(finding, file.Source);
                var (hash, occurrence) = fingerprints[i];
                results.Add(new SarifResult(
                    finding.Rule.Id,
                    index[finding.Rule.Id],
                    SarifRules.Level(finding.Severity),
                    new SarifText(finding.Message),
                    [new SarifLocation(new SarifPhysicalLocation(location, new SarifRegion(range.Line, range.Column, range.EndLine, range.EndColumn)))],
                    new Dictionary<string, string> { [FingerprintKey] = string.Create(CultureInfo.InvariantCulture, $"{hash}:{occurrence}") },
                    finding.Fix is { Edits.Count: > 0 } fix ? [Fix(fix, location, file.Source)] : null));
            }
        }

        var driver = new SarifDriver(ToolName, InformationUri, options.ToolVersion, options.ToolVersion, rules);
        return new SarifLog(SarifLog.SchemaUri, SarifLog.CurrentVersion, [new SarifRun(new SarifTool(driver), results, "unicodeCodePoints")]);
    }

    private SarifArtifactLocation Location(string path)
    {
        var relative = ReportPaths.Relative(path, options.BaseDirectory);
        return Path.IsPathFullyQualified(relative)
            ? new SarifArtifactLocation(new Uri(relative).AbsoluteUri, null)
            : new SarifArtifactLocation(EncodeUri(relative), SourceRoot);
    }

    private static SarifFix Fix(Fix fix, SarifArtifactLocation location, SourceText source) => new(
        new SarifText(fix.Title),
        [new SarifArtifactChange(location, fix.Edits.OrderBy(e => e.Span.Start).Select(edit =>
        {
            var range = source.GetRange(edit.Span);
            return new SarifReplacement(
                new SarifRegion(range.Start.Line, range.Start.Column, range.End.Line, range.End.Column),
                new SarifArtifactContent(edit.NewText));
        }).ToArray())],
        new SarifFixProperties(JsonReporter.Safety(fix.Safety)));

    /// <summary>
    /// A relative path as a URI reference: '/' separates segments; letters, digits and <c>-._~!$&amp;'()*+,;=@</c> stay;
    /// everything else, ':' included (it would read as a scheme), is percent-encoded UTF-8.
    /// </summary>
    internal static string EncodeUri(string relativePath)
    {
        var builder = new StringBuilder(relativePath.Length);
        foreach (var b in Encoding.UTF8.GetBytes(relativePath))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=@/".Contains(c))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
