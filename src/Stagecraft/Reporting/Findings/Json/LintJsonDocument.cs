namespace Stagecraft.Reporting.Findings.Json;

/// <summary>The whole of <c>stagecraft lint --format json</c>. Shape documented in docs/lint-json.md.</summary>
public sealed record LintJsonDocument(int Version, IReadOnlyList<LintJsonFile> Files, LintJsonSummary Summary)
{
    /// <summary>Raised only when a field changes meaning or disappears; new fields may appear without it.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>One linted file, clean ones included, with its findings in file order.</summary>
public sealed record LintJsonFile(string Path, IReadOnlyList<LintJsonFinding> Findings);

/// <summary>One finding; <c>endLine</c>/<c>endColumn</c> are just after its last character. Absent <c>stage</c>/<c>fix</c> mean none.</summary>
public sealed record LintJsonFinding(
    string Rule,
    IReadOnlyList<string> Aliases,
    string Severity,
    string Message,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string? Stage,
    LintJsonFix? Fix);

/// <summary>
/// A fix: title, safety (<c>safe</c>, <c>unsafe</c>, <c>displayOnly</c>), its edits on the original file, and the other files
/// it creates or extends (absent: none).
/// </summary>
public sealed record LintJsonFix(string Title, string Safety, IReadOnlyList<LintJsonEdit> Edits, IReadOnlyList<LintJsonFileEdit>? Files = null);

/// <summary>A file outside the Dockerfile (a .dockerignore): <c>create</c> it with <c>text</c>, or <c>append</c> the lines of <c>text</c>.</summary>
public sealed record LintJsonFileEdit(string Path, string Kind, string Text);

/// <summary>Replace [offset, offset + length) — bytes, also given as lines and columns — with <c>newText</c>.</summary>
public sealed record LintJsonEdit(int Line, int Column, int EndLine, int EndColumn, int Offset, int Length, string NewText);

/// <summary>Totals, whether the run fails (a finding at or above <c>failureThreshold</c>: exit code 1), and the settings' source (absent: defaults).</summary>
public sealed record LintJsonSummary(int Files, int Findings, LintJsonCounts Counts, string FailureThreshold, bool Failed, string? Configuration = null);

/// <summary>Findings per severity.</summary>
public sealed record LintJsonCounts(int Error, int Warning, int Info, int Style);
