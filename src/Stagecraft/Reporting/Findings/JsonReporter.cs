using System.Text.Encodings.Web;
using System.Text.Json;
using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings.Json;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// <c>json</c>: every file with its findings, then a summary, as documented in docs/lint-json.md. Paths are as the user
/// gave them; positions are as every format shows them; fix edits carry byte offsets into the original file.
/// </summary>
public sealed class JsonReporter : IFindingsReporter
{
    public const string Name = "json";

    // Dockerfile text is full of '<', '>', '&' and quotes; the output is never embedded in HTML, so keep it readable.
    private static readonly LintJsonContext Context = new(new JsonSerializerOptions(LintJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Format => Name;

    public void Write(LintReport report, Stream output)
    {
        JsonSerializer.Serialize(output, ToDocument(report), Context.LintJsonDocument);
        output.WriteByte((byte)'\n');
    }

    public static LintJsonDocument ToDocument(LintReport report) => new(
        LintJsonDocument.CurrentVersion,
        report.Files.Select(file => new LintJsonFile(file.Path, file.Findings.Select(f => Finding(f, file)).ToArray())).ToArray(),
        new LintJsonSummary(
            report.Files.Count,
            report.Files.Sum(f => f.Findings.Count),
            new LintJsonCounts(report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Info), report.Count(Severity.Style)),
            report.FailureThreshold is { } threshold ? Severities.Name(threshold) : "none",
            report.Fails,
            report.Configuration));

    private static LintJsonFinding Finding(Finding finding, FileLintResult file)
    {
        var range = ShownRange.Of(finding, file.Source);
        return new LintJsonFinding(
            finding.Rule.Id,
            finding.Aliases,
            Severities.Name(finding.Severity),
            finding.Message,
            range.Line,
            range.Column,
            range.EndLine,
            range.EndColumn,
            finding.Stage,
            finding.Fix is { } fix ? Fix(fix, file) : null);
    }

    private static LintJsonFix Fix(Fix fix, FileLintResult file) => new(
        fix.Title,
        Safety(fix.Safety),
        fix.Edits.OrderBy(e => e.Span.Start).Select(edit =>
        {
            var range = file.Source.GetRange(edit.Span);
            return new LintJsonEdit(range.Start.Line, range.Start.Column, range.End.Line, range.End.Column, edit.Span.Start, edit.Span.Length, edit.NewText);
        }).ToArray(),
        fix.FileEdits.Count == 0 ? null : [.. fix.FileEdits.Select(f => new LintJsonFileEdit(f.Path, f.Kind == FileEditKind.Create ? "create" : "append", f.Text))]);

    /// <summary>The safety word the JSON and SARIF formats write.</summary>
    internal static string Safety(FixSafety safety) => safety switch
    {
        FixSafety.Safe => "safe",
        FixSafety.Unsafe => "unsafe",
        _ => "displayOnly",
    };
}
