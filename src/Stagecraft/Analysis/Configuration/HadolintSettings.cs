namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// hadolint's settings from one source, its file or its <c>HADOLINT_*</c> variables, with rule codes already resolved.
/// Null means "not set here", so sources layer as hadolint layers them (<see cref="Under"/>).
/// </summary>
internal sealed class HadolintSettings
{
    public List<string> Ignored { get; } = [];

    /// <summary>Severity overrides in the order read; a code may appear under several severities (the most severe wins).</summary>
    public List<(string Code, Severity Severity)> SeverityOverrides { get; } = [];

    public List<string> TrustedRegistries { get; } = [];

    public Dictionary<string, string> LabelSchema { get; } = new(StringComparer.Ordinal);

    public bool? StrictLabels { get; set; }

    public bool? DisableIgnorePragma { get; set; }

    /// <summary><c>no-fail</c>: never exit 1.</summary>
    public bool? NoFail { get; set; }

    /// <summary>Already in our terms: hadolint's <c>none</c> and <c>ignore</c> (fail on any finding) are <see cref="Severity.Style"/>.</summary>
    public Severity? FailureThreshold { get; set; }

    /// <summary>One-line notes for the user: codes no rule checks, settings that only shape hadolint's own output.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>
    /// These settings with <paramref name="over"/> layered on top, as hadolint layers its file over its variables:
    /// a single value set in <paramref name="over"/> wins, lists add up, and a label named in both takes its kind from <paramref name="over"/>.
    /// </summary>
    public HadolintSettings Under(HadolintSettings over)
    {
        var merged = new HadolintSettings
        {
            StrictLabels = over.StrictLabels ?? StrictLabels,
            DisableIgnorePragma = over.DisableIgnorePragma ?? DisableIgnorePragma,
            NoFail = over.NoFail ?? NoFail,
            FailureThreshold = over.FailureThreshold ?? FailureThreshold,
        };
        foreach (var source in new[] { this, over })
        {
            merged.Ignored.AddRange(source.Ignored);
            merged.SeverityOverrides.AddRange(source.SeverityOverrides);
            merged.TrustedRegistries.AddRange(source.TrustedRegistries.Where(r => !merged.TrustedRegistries.Contains(r, StringComparer.OrdinalIgnoreCase)));
            foreach (var (label, kind) in source.LabelSchema)
                merged.LabelSchema[label] = kind;
            merged.Notes.AddRange(source.Notes);
        }
        return merged;
    }

    /// <summary>The configuration these settings mean; what they leave unset keeps Stagecraft's default.</summary>
    public LintConfiguration ToConfiguration(string source)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, severity) in SeverityOverrides)
        {
            // hadolint applies its lists style first and error last, so the most severe listing wins.
            if (!severities.TryGetValue(code, out var earlier) || severity.AtLeast(earlier))
                severities[code] = severity;
        }
        var defaults = LintConfiguration.Default;
        return defaults with
        {
            Ignored = new HashSet<string>(Ignored, StringComparer.OrdinalIgnoreCase),
            SeverityOverrides = severities,
            FailureThreshold = NoFail == true ? null : FailureThreshold ?? defaults.FailureThreshold,
            TrustedRegistries = TrustedRegistries.ToArray(),
            LabelSchema = new Dictionary<string, string>(LabelSchema, StringComparer.Ordinal),
            StrictLabels = StrictLabels ?? defaults.StrictLabels,
            AllowInlineIgnores = DisableIgnorePragma != true,
            Source = source,
        };
    }
}
