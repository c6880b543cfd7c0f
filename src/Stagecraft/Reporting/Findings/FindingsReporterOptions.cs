using System.Reflection;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>What a reporter needs besides the report itself: where paths are relative to, the tool's version, the rule set.</summary>
public sealed record FindingsReporterOptions
{
    public static FindingsReporterOptions Default { get; } = new();

    /// <summary>
    /// The folder repository-relative formats (sarif, github, gitlab) make absolute paths relative to — the repository
    /// root or the working directory. Null: absolute paths stay absolute. Paths as the user typed them are kept elsewhere.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The version written into reports that record one (SARIF's tool.driver).</summary>
    public string ToolVersion
    {
        // Read on first use: the attribute lookup goes through reflection metadata, a tenth of a one-file lint's start-up.
        get => _toolVersion ??= CurrentVersion;
        init => _toolVersion = value;
    }

    private string? _toolVersion;

    /// <summary>Every rule the run knew, for SARIF's <c>rules[]</c>; findings of rules missing here are added from their descriptor.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = RuleCatalog.All;

    /// <summary>This build's version from its informational version attribute, without the <c>+commit</c> build metadata.</summary>
    public static string CurrentVersion => VersionHolder.Value;

    private static string ReadVersion()
    {
        var version = typeof(FindingsReporterOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrWhiteSpace(version))
            return "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }

    private static class VersionHolder
    {
        public static readonly string Value = ReadVersion();
    }
}
