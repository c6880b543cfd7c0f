namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// hadolint's <c>HADOLINT_*</c> environment variables, read as hadolint reads them (lists comma-separated, switches
/// truthy or not), except that a value hadolint would quietly drop (an unknown threshold, label kind or rule code, a
/// switch that is neither truthy nor falsy) is an error naming the variable. A variable set to nothing counts as unset.
/// </summary>
internal static class HadolintEnvironment
{
    /// <summary>Every variable read, in the order hadolint documents them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "HADOLINT_NOFAIL", "HADOLINT_VERBOSE", "HADOLINT_FORMAT", "HADOLINT_FAILURE_THRESHOLD", "HADOLINT_OVERRIDE_ERROR",
        "HADOLINT_OVERRIDE_WARNING", "HADOLINT_OVERRIDE_INFO", "HADOLINT_OVERRIDE_STYLE", "HADOLINT_IGNORE", "HADOLINT_STRICT_LABELS",
        "HADOLINT_DISABLE_IGNORE_PRAGMA", "HADOLINT_TRUSTED_REGISTRIES", "HADOLINT_REQUIRE_LABELS",
    ];

    private static readonly string[] Truthy = ["1", "y", "yes", "on", "true"];
    private static readonly string[] Falsy = ["0", "n", "no", "off", "false"];

    /// <summary>The settings the variables hold, and the names of those that are set.</summary>
    /// <exception cref="ConfigurationException">A variable holds a value that means nothing to hadolint.</exception>
    public static (HadolintSettings Settings, IReadOnlyList<string> Set) Read(Func<string, string?> environment, IReadOnlyList<Rule> rules)
    {
        var settings = new HadolintSettings();
        var set = new List<string>();
        foreach (var name in Names)
        {
            if (environment(name) is not { Length: > 0 } value)
                continue;
            set.Add(name);
            switch (name)
            {
                case "HADOLINT_NOFAIL": settings.NoFail = Switch(name, value); break;
                case "HADOLINT_STRICT_LABELS": settings.StrictLabels = Switch(name, value); break;
                case "HADOLINT_DISABLE_IGNORE_PRAGMA": settings.DisableIgnorePragma = Switch(name, value); break;
                case "HADOLINT_VERBOSE":
                    if (Switch(name, value))
                        settings.Notes.Add($"{name}: only shapes hadolint's own output; Stagecraft does not use it");
                    break;
                case "HADOLINT_FORMAT":
                    foreach (var format in List(value))
                    {
                        if (!HadolintFileReader.OutputFormats.Contains(format))
                            throw Error(name, YamlSettingsReader.Unknown("output format", format, HadolintFileReader.OutputFormats));
                    }
                    settings.Notes.Add($"{name}: only shapes hadolint's own output; Stagecraft does not use it (use --format)");
                    break;
                case "HADOLINT_FAILURE_THRESHOLD":
                    if (!HadolintFileReader.ThresholdNames.Contains(value.Trim().ToLowerInvariant()))
                        throw Error(name, YamlSettingsReader.Unknown("failure threshold", value.Trim(), HadolintFileReader.ThresholdNames));
                    settings.FailureThreshold = Severities.TryParse(value, out var threshold) ? threshold : Severity.Style;
                    break;
                case "HADOLINT_IGNORE":
                    settings.Ignored.AddRange(Codes(name, value, rules, settings));
                    break;
                case "HADOLINT_TRUSTED_REGISTRIES":
                    settings.TrustedRegistries.AddRange(List(value));
                    break;
                case "HADOLINT_REQUIRE_LABELS":
                    ReadLabels(name, value, settings);
                    break;
                default:
                    Severities.TryParse(name["HADOLINT_OVERRIDE_".Length..], out var severity);
                    settings.SeverityOverrides.AddRange(Codes(name, value, rules, settings).Select(code => (code, severity)));
                    break;
            }
        }
        return (settings, set);
    }

    private static bool Switch(string name, string value)
    {
        var lower = value.Trim().ToLowerInvariant();
        if (Truthy.Contains(lower))
            return true;
        if (Falsy.Contains(lower))
            return false;
        throw Error(name, $"expected 1, true, yes, on or y to switch it on (0, false, no, off or n for off), not '{value}'");
    }

    private static List<string> Codes(string name, string value, IReadOnlyList<Rule> rules, HadolintSettings settings)
    {
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (var item in List(value))
        {
            var code = HadolintRuleCodes.Resolve(item, rules, out var isUnknown) ?? throw Error(name, RuleLookup.UnknownMessage(item, rules));
            if (isUnknown)
                unknown.Add(code);
            codes.Add(code);
        }
        if (HadolintRuleCodes.UnknownNote(name, unknown) is { } note)
            settings.Notes.Add(note);
        return codes;
    }

    /// <summary><c>label:kind,label:kind</c>; a label without a kind is text, as in hadolint.</summary>
    private static void ReadLabels(string name, string value, HadolintSettings settings)
    {
        foreach (var item in List(value))
        {
            var colon = item.IndexOf(':');
            var label = colon < 0 ? item : item[..colon].Trim();
            var kind = colon < 0 ? "" : item[(colon + 1)..].Trim();
            if (kind.Length == 0)
                kind = "text";
            if (label.Length == 0)
                throw Error(name, $"'{item}' names no label (expected label:kind, e.g. maintainer:text)");
            if (!LintConfiguration.LabelKinds.Contains(kind))
                throw Error(name, YamlSettingsReader.Unknown("label kind", kind, LintConfiguration.LabelKinds));
            settings.LabelSchema[label] = kind;
        }
    }

    private static IEnumerable<string> List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ConfigurationException Error(string name, string problem) => new(name, 0, problem);
}
