using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>The findings of one Dockerfile, with its source so reporters can quote lines.</summary>
public sealed record FileLintResult(string Path, SourceText Source, IReadOnlyList<Finding> Findings);

/// <summary>Everything one <c>stagecraft lint</c> run found, in the order files were given. Reporters format this; they never analyse.</summary>
/// <param name="FailureThreshold">The least severity that fails the run; null for <c>none</c> (never fails).</param>
public sealed record LintReport(IReadOnlyList<FileLintResult> Files, Severity? FailureThreshold)
{
    public IEnumerable<Finding> Findings => Files.SelectMany(f => f.Findings);

    /// <summary>Where the settings came from, as shown to the user (<c>.stagecraft.yaml</c>, <c>.hadolint.yaml, HADOLINT_IGNORE</c>); null for the defaults.</summary>
    public string? Configuration { get; init; }

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>True when any finding is at or above the failure threshold: <c>lint</c> then exits 1.</summary>
    public bool Fails => FailureThreshold is { } threshold && Findings.Any(f => f.Severity.AtLeast(threshold));
}
