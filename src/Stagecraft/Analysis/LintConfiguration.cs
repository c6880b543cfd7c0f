namespace Stagecraft.Analysis;

/// <summary>What a user configured: rules to ignore, severity overrides, the failure threshold and rule options.</summary>
public sealed record LintConfiguration
{
    public static LintConfiguration Default { get; } = new();

    /// <summary>Rule ids or aliases whose findings are dropped.</summary>
    public IReadOnlySet<string> Ignored { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rules that are off by default (see <see cref="RuleDescriptor.EnabledByDefault"/>) to run anyway: ids or aliases.</summary>
    public IReadOnlySet<string> Enabled { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule id or alias → the severity to report instead of the default.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Findings at or above this severity make <c>lint</c> exit 1; null (<c>none</c>) never fails.</summary>
    public Severity? FailureThreshold { get; init; } = Severity.Warning;

    /// <summary>Registries base images may come from (empty: any).</summary>
    public IReadOnlyList<string> TrustedRegistries { get; init; } = [];

    /// <summary>The kinds a <see cref="LabelSchema"/> entry may name.</summary>
    public static IReadOnlyList<string> LabelKinds { get; } = ["text", "url", "semver", "hash", "rfc3339", "spdx", "email"];

    /// <summary>Label name → expected kind (text, url, semver, hash, rfc3339, spdx, email).</summary>
    public IReadOnlyDictionary<string, string> LabelSchema { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether labels missing from <see cref="LabelSchema"/> are reported.</summary>
    public bool StrictLabels { get; init; }

    /// <summary>Whether inline <c># stagecraft ignore=</c> comments are honoured.</summary>
    public bool AllowInlineIgnores { get; init; } = true;

    /// <summary>The file the configuration came from, for messages; null for defaults and flags.</summary>
    public string? Source { get; init; }
}
