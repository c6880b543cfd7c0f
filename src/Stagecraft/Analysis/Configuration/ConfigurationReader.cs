using YamlDotNet.RepresentationModel;

namespace Stagecraft.Analysis.Configuration;

/// <summary>Reads <c>.stagecraft.yaml</c>, checking every key, type, severity and rule id, failing with the file and line of the first problem.</summary>
internal sealed class ConfigurationReader(string path, IReadOnlyList<Rule> rules) : YamlSettingsReader(path)
{
    private const string Ignored = "ignored";
    private const string Override = "override";
    private const string FailureThreshold = "failure-threshold";
    private const string TrustedRegistries = "trusted-registries";
    private const string LabelSchema = "label-schema";
    private const string StrictLabels = "strict-labels";
    private const string DisableIgnorePragma = "disable-ignore-pragma";
    private const string Overrides = "overrides";
    private const string Paths = "paths";

    // The image policy of `stagecraft check` (docs/check.md); Images.Policy.ImagePolicyReader reads and checks it.
    private const string Image = "image";

    private static readonly string[] TopLevelKeys =
        [Ignored, Override, FailureThreshold, TrustedRegistries, LabelSchema, StrictLabels, DisableIgnorePragma, Overrides, Image];

    private static readonly string[] OverrideEntryKeys = [Paths, Ignored, Override];

    public (LintConfiguration Settings, IReadOnlyList<PathOverride> Overrides) Read(string text)
    {
        var mapping = ReadRoot(text);
        if (mapping is null)
            return (LintConfiguration.Default, []);

        var settings = LintConfiguration.Default;
        IReadOnlyList<PathOverride> overrides = [];
        foreach (var (key, value) in Entries(mapping, TopLevelKeys, where: ""))
        {
            if (IsNull(value))
                continue;
            settings = key switch
            {
                Ignored => settings with { Ignored = ReadRuleCodes(value, Ignored) },
                Override => settings with { SeverityOverrides = ReadSeverityOverrides(value) },
                FailureThreshold => settings with { FailureThreshold = ReadThreshold(value) },
                TrustedRegistries => settings with { TrustedRegistries = ReadStrings(value, TrustedRegistries, "registry host names") },
                LabelSchema => settings with { LabelSchema = ReadLabelSchema(value, LabelSchema) },
                StrictLabels => settings with { StrictLabels = ReadBoolean(value, StrictLabels) },
                DisableIgnorePragma => settings with { AllowInlineIgnores = !ReadBoolean(value, DisableIgnorePragma) },
                _ => settings,
            };
            if (key == Overrides)
                overrides = ReadOverrides(value);
        }
        return (settings, overrides);
    }

    private HashSet<string> ReadRuleCodes(YamlNode node, string key)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items(node, key, "rule ids"))
            codes.Add(RuleCode(item));
        return codes;
    }

    private string RuleCode(YamlScalarNode item) =>
        RuleLookup.Canonical(item.Value!, rules) ?? throw Error(item, RuleLookup.UnknownMessage(item.Value!, rules));

    private Dictionary<string, Severity> ReadSeverityOverrides(YamlNode node)
    {
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, code, severity) in ReadSeverityLists(node, Override, "STG001", RuleCode))
        {
            if (result.TryGetValue(code, out var earlier) && earlier != severity)
                throw Error(item, $"'{item.Value}' is already listed under '{Severities.Name(earlier)}'");
            result[code] = severity;
        }
        return result;
    }

    private Severity? ReadThreshold(YamlNode node)
    {
        var text = Scalar(node, FailureThreshold, "a severity");
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        if (SeverityNames.Contains(text.ToLowerInvariant()) && Severities.TryParse(text, out var severity))
            return severity;
        throw Error(node, $"'{FailureThreshold}' must be error, warning, info, style or none, not '{text}'");
    }

    private List<string> ReadStrings(YamlNode node, string key, string what) => Items(node, key, what).Select(i => i.Value!).ToList();

    private List<PathOverride> ReadOverrides(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
            throw Error(node, $"'{Overrides}' must be a list of entries, each with '{Paths}' and '{Ignored}' or '{Override}'");
        var result = new List<PathOverride>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode entry)
                throw Error(item, $"each '{Overrides}' entry must be a mapping with '{Paths}' and '{Ignored}' or '{Override}'");
            List<string>? paths = null;
            IReadOnlySet<string> ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            IReadOnlyDictionary<string, Severity> severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in Entries(entry, OverrideEntryKeys, where: $" in an '{Overrides}' entry"))
            {
                if (IsNull(value))
                    continue;
                switch (key)
                {
                    case Paths: paths = ReadStrings(value, Paths, "path patterns"); break;
                    case Ignored: ignored = ReadRuleCodes(value, Ignored); break;
                    case Override: severities = ReadSeverityOverrides(value); break;
                }
            }
            if (paths is null || paths.Count == 0)
                throw Error(entry, $"an '{Overrides}' entry needs '{Paths}': the Dockerfiles it applies to, e.g. ['legacy/**']");
            result.Add(new PathOverride(paths, ignored, severities));
        }
        return result;
    }
}
