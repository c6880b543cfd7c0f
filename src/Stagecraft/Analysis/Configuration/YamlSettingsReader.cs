using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// What both configuration readers (<c>.stagecraft.yaml</c> and hadolint's file) need from YAML: one document read
/// through YamlDotNet's representation model (no reflection, so Native AOT stays clean), typed values, and errors
/// that name the file and line of the node at fault.
/// </summary>
internal abstract class YamlSettingsReader(string path)
{
    protected static readonly string[] SeverityNames = ["error", "warning", "info", "style"];

    /// <summary>The file as messages name it.</summary>
    protected string Path { get; } = path;

    /// <summary>The top-level mapping, or null for an empty file (or one holding only <c>~</c>).</summary>
    protected YamlMappingNode? ReadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(Path, e.Start.Line, "invalid YAML: " + Sentence(e.Message), e);
        }
        if (stream.Documents.Count == 0)
            return null;
        if (stream.Documents.Count > 1)
            throw Error(stream.Documents[1].RootNode, "a second YAML document; a configuration file holds one");
        var root = stream.Documents[0].RootNode;
        if (IsNull(root))
            return null;
        return root as YamlMappingNode ?? throw Error(root, "expected settings as 'key: value' lines at the top level");
    }

    /// <summary>The entries of a mapping by key name, rejecting unknown and non-text keys.</summary>
    protected IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string[] known, string where)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw Error(keyNode, "expected a key name");
            if (!known.Contains(key))
                throw Error(keyNode, Unknown("key", key, known, where));
            yield return (key, value);
        }
    }

    /// <summary>The non-empty text items of a list.</summary>
    protected IEnumerable<YamlScalarNode> Items(YamlNode node, string key, string what)
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

    protected string Scalar(YamlNode node, string key, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } ? text.Trim() : throw Error(node, $"'{key}' must be {what}");

    protected bool ReadBoolean(YamlNode node, string key)
    {
        var text = Scalar(node, key, "true or false");
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, $"'{key}' must be true or false, not '{text}'"),
        };
    }

    /// <summary>A mapping of severity names to lists of rule codes, each code turned into what to store by <paramref name="code"/>.</summary>
    protected IEnumerable<(YamlScalarNode Item, string Code, Severity Severity)> ReadSeverityLists(YamlNode node, string key, string exampleCode,
        Func<YamlScalarNode, string> code)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(node, $"'{key}' must map severities to lists of rule ids, e.g. 'warning: [{exampleCode}]'");
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
                throw Error(keyNode, "expected a severity name");
            if (!SeverityNames.Contains(name) || !Severities.TryParse(name, out var severity))
                throw Error(keyNode, Unknown("severity", name, SeverityNames));
            if (IsNull(value))
                continue;
            foreach (var item in Items(value, $"{key}.{name}", "rule ids"))
                yield return (item, code(item), severity);
        }
    }

    /// <summary>Label name → kind; <paramref name="emptyIsText"/> reads an empty kind as <c>text</c>, as hadolint does.</summary>
    protected Dictionary<string, string> ReadLabelSchema(YamlNode node, string key, bool emptyIsText = false)
    {
        if (node is not YamlMappingNode mapping)
            throw Error(node, $"'{key}' must map label names to kinds, e.g. 'org.opencontainers.image.source: url'");
        var schema = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } label })
                throw Error(keyNode, "expected a label name");
            var kind = emptyIsText && value is YamlScalarNode { Value: "", Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted }
                ? "text"
                : Scalar(value, $"{key}.{label}", "a label kind");
            if (!LintConfiguration.LabelKinds.Contains(kind))
                throw Error(value, Unknown("label kind", kind, LintConfiguration.LabelKinds));
            schema[label] = kind;
        }
        return schema;
    }

    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes: the key is as good as absent.</summary>
    protected static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    protected ConfigurationException Error(YamlNode node, string problem) => new(Path, node.Start.Line, problem);

    /// <summary><c>unknown severity 'fatal'</c>, then the closest known name or the whole list.</summary>
    internal static string Unknown(string what, string name, IReadOnlyList<string> known, string where = "")
    {
        var suggestion = Spelling.Closest(name, known);
        return $"unknown {what} '{name}'{where}" + (suggestion is null ? $" (expected {List(known)})" : $" (did you mean '{suggestion}'?)");
    }

    internal static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    // YamlDotNet's messages are sentences ("While parsing …, did not find expected key."); ours follow a colon.
    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length > 0 ? char.ToLowerInvariant(trimmed[0]) + trimmed[1..] : "syntax error";
    }
}
