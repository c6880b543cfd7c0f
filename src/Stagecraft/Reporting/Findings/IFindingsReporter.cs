using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>Writes a lint report in one output format. Reporters only format: every fact comes from the report.</summary>
public interface IFindingsReporter
{
    /// <summary>The <c>--format</c> name (gnu, json, sarif, …).</summary>
    string Format { get; }

    void Write(LintReport report, Stream output);
}
