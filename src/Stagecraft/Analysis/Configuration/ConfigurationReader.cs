using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// Reads <c>.stagecraft.yaml</c> through YamlDotNet's representation model (no reflection, so Native AOT stays clean)
/// and checks every key, type, severity and rule id, failing with the file and line of the first problem.
/// </summary>
internal sealed class ConfigurationReader(string path, IReadOnlyList<Rule> rules)
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

    private static readonly string[] TopLevelKeys =
        [Ignored, Override, FailureThreshold, TrustedRegistries, LabelSchema, StrictLabels, DisableIgnorePragma, Overrides];

    private static readonly string[] OverrideEntryKeys = [Paths, Ignored, Override];

    private static readonly string[] SeverityNames = ["error", "warning", "info", "style"];

    public (LintConfiguration Settings, IReadOnlyList<PathOverride> Overrides) Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(path, e.Start.Line, "invalid YAML: " + Sentence(e.Message), e);
        }
        if (stream.Documents.Count == 0)
            return (LintConfiguration.Default, []);
        if (stream.Documents.Count > 1)
            throw Error(stream.Documents[1].RootNode, "a second YAML document; a configuration file holds one");
        var root = stream.Documents[0].RootNode;
        if (IsNull(root))
            return (LintConfiguration.Default, []);
        if (root is not YamlMappingNode mapping)
            throw Error(root, "expected settings as 'key: value' lines at the top level");

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
                LabelSchema => settings with { LabelSchema = ReadLabelSchema(value) },
                StrictLabels => settings with { StrictLabels = ReadBoolean(value, StrictLabels) },
                DisableIgnorePragma => settings with { AllowInlineIgnores = !ReadBoolean(value, DisableIgnorePragma) },
                _ => settings,
            };
            if (key == Overrides)
                overrides = ReadOverrides(value);
        }
        return (settings, overrides);
    }

    /// <summary>The entries of a mapping by key name, rejecting unknown, repeated and non-text keys.</summary>
    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string[] known, string where)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw Error(keyNode, "expected a key name");
            if (!known.Contains(key))
            {
                var suggestion = Spelling.Closest(key, known);
                throw Error(keyNode, $"unknown key '{key}'{where}" + (suggestion is null ? $" (expected {List(known)})" : $" (did you mean '{suggestion}'?)"));
            }
            yield return (key, value);
        }
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
        if (node is not YamlMappingNode mapping)
            throw Error(node, $"'{Override}' must map severities to lists of rule ids, e.g. 'warning: [STG001]'");
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
                throw Error(keyNode, "expected a severity name");
            if (!Severities.TryParse(name, out var severity) || !SeverityNames.Contains(name))
            {
                var suggestion = Spelling.Closest(name, SeverityNames);
                throw Error(keyNode, $"unknown severity '{name}'" + (suggestion is null ? $" (expected {List(SeverityNames)})" : $" (did you mean '{suggestion}'?)"));
            }
            if (IsNull(value))
                continue;
            foreach (var item in Items(value, $"{Override}.{name}", "rule ids"))
            {
                var code = RuleCode(item);
                if (result.TryGetValue(code, out var earlier) && earlier != severity)
                    throw Error(item, $"'{item.Value}' is already listed under '{Severities.Name(earlier)}'");
                result[code] = severity;
            }
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

    private Dictionary<string, string> ReadLabelSchema(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(node, $"'{LabelSchema}' must map label names to kinds, e.g. 'org.opencontainers.image.source: url'");
        var schema = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } label })
                throw Error(keyNode, "expected a label name");
            var kind = Scalar(value, $"{LabelSchema}.{label}", "a label kind");
            if (!LintConfiguration.LabelKinds.Contains(kind))
            {
                var suggestion = Spelling.Closest(kind, LintConfiguration.LabelKinds);
                throw Error(value, $"unknown label kind '{kind}'" + (suggestion is null ? $" (expected {List(LintConfiguration.LabelKinds)})" : $" (did you mean '{suggestion}'?)"));
            }
            schema[label] = kind;
        }
        return schema;
    }

    private bool ReadBoolean(YamlNode node, string key)
    {
        var text = Scalar(node, key, "true or false");
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, $"'{key}' must be true or false, not '{text}'"),
        };
    }

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

    /// <summary>The non-empty text items of a list.</summary>
    private IEnumerable<YamlScalarNode> Items(YamlNode node, string key, string what)
    {
        if (node is not YamlSequenceNode sequence)
            throw Error(node, $"'{key}' must be a list of {what}, e.g. [a, b]");
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode scalar || IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
                throw Error(item, $"'{key}' must be a list of {what}; this item is not one");
            yield return scalar;
        }
    }

    private string Scalar(YamlNode node, string key, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } ? text.Trim() : throw Error(node, $"'{key}' must be {what}");

    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes: the key is as good as absent.</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private ConfigurationException Error(YamlNode node, string problem) => new(path, node.Start.Line, problem);

    private static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    // YamlDotNet's messages are sentences ("While parsing …, did not find expected key."); ours follow a colon.
    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length > 0 ? char.ToLowerInvariant(trimmed[0]) + trimmed[1..] : "syntax error";
    }
}
