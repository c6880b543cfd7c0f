using System.Globalization;
using Stagecraft.Analysis.Configuration;
using YamlDotNet.RepresentationModel;

namespace Stagecraft.Images.Policy;

/// <summary>Reads policy settings from YAML, checking every key and value, failing with the file and line of the first problem.</summary>
internal sealed class ImagePolicyReader(string path) : YamlSettingsReader(path)
{
    public const string Section = "image";
    private const string Overrides = "overrides";
    private const string Images = "images";

    private static readonly string[] PolicyKeys = [.. PolicyRules.All, Overrides];
    private static readonly string[] OverrideKeys = [Images, .. PolicyRules.All];

    public ImagePolicyFile ReadPolicy(string text, string? section)
    {
        var root = ReadRoot(text);
        if (root is null)
            return new ImagePolicyFile(Path, ImagePolicy.Empty, []);
        if (section is not null)
        {
            // In .stagecraft.yaml only the image section is ours; the lint reader checks the other keys.
            var node = root.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: var k } && k == section).Value;
            if (node is null || IsNull(node))
                return new ImagePolicyFile(Path, ImagePolicy.Empty, []);
            root = node as YamlMappingNode ?? throw Error(node, $"'{section}' must hold policy settings as 'key: value' lines, e.g. 'max-size: 150MB'");
        }
        var defaults = ImagePolicy.Empty;
        var overrides = new List<ImagePolicyOverride>();
        foreach (var (key, value) in Entries(root, PolicyKeys, where: section is null ? "" : $" in '{section}'"))
        {
            if (IsNull(value))
                continue;
            if (key == Overrides)
                overrides.AddRange(ReadOverrides(value));
            else
                defaults = Setting(defaults, key, value);
        }
        return new ImagePolicyFile(Path, defaults, overrides);
    }

    private IEnumerable<ImagePolicyOverride> ReadOverrides(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
            throw Error(node, $"'{Overrides}' must be a list of entries, each with '{Images}' and the settings for those images");
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode entry)
                throw Error(item, $"each '{Overrides}' entry must be a mapping with '{Images}' and settings");
            List<string>? images = null;
            var policy = ImagePolicy.Empty;
            foreach (var (key, value) in Entries(entry, OverrideKeys, where: $" in an '{Overrides}' entry"))
            {
                if (IsNull(value))
                    continue;
                if (key == Images)
                    images = Items(value, Images, "image name patterns").Select(i => i.Value!).ToList();
                else
                    policy = Setting(policy, key, value);
            }
            if (images is null || images.Count == 0)
                throw Error(entry, $"an '{Overrides}' entry needs '{Images}': the image names it applies to, e.g. ['registry.example.com/app/*']");
            yield return new ImagePolicyOverride(images, policy);
        }
    }

    private ImagePolicy Setting(ImagePolicy policy, string key, YamlNode value)
    {
        policy = key switch
        {
            PolicyRules.MaxSize => policy with { MaxSize = Size(value, key) },
            PolicyRules.MaxCompressedSize => policy with { MaxCompressedSize = Size(value, key) },
            PolicyRules.MaxLayers => policy with { MaxLayers = Count(value, key) },
            PolicyRules.ForbidTools => policy with { ForbidTools = Tools(value, key) },
            PolicyRules.ForbidPackages => policy with { ForbidPackages = Names(value, key, "package names") },
            PolicyRules.RequireNonRoot => policy with { RequireNonRoot = ReadBoolean(value, key) },
            PolicyRules.RequireHealthcheck => policy with { RequireHealthcheck = ReadBoolean(value, key) },
            PolicyRules.MinEfficiency => policy with { MinEfficiency = Ratio(value, key) },
            PolicyRules.MaxReclaimable => policy with { MaxReclaimable = Size(value, key) },
            PolicyRules.ForbidSecrets => policy with { ForbidSecrets = ReadBoolean(value, key) },
            _ => policy,
        };
        var sources = new Dictionary<string, string>(policy.Sources) { [key] = ImagePolicyFile.At(Path, value.Start.Line) };
        return policy with { Sources = sources };
    }

    private long Size(YamlNode node, string key)
    {
        var text = Scalar(node, key, "a size such as 150MB");
        return SizeText.TryParse(text, out var bytes, out var problem) ? bytes : throw Error(node, $"'{key}': {problem}");
    }

    private int Count(YamlNode node, string key)
    {
        var text = Scalar(node, key, "a whole number");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : throw Error(node, $"'{key}' must be a whole number, not '{text}'");
    }

    private double Ratio(YamlNode node, string key)
    {
        var text = Scalar(node, key, "a number between 0 and 1");
        return PolicyValues.TryRatio(text, out var ratio, out var problem) ? ratio : throw Error(node, $"'{key}': {problem}");
    }

    private List<string> Tools(YamlNode node, string key)
    {
        var tools = new List<string>();
        foreach (var item in node is YamlScalarNode ? [(YamlScalarNode)node] : Items(node, key, "build tool names"))
        {
            foreach (var name in PolicyValues.Names(item.Value ?? ""))
                tools.Add(PolicyValues.Tool(name) ?? throw Error(item, $"'{key}': {PolicyValues.UnknownTool(name)}"));
        }
        return tools;
    }

    private List<string> Names(YamlNode node, string key, string what)
    {
        // One name is allowed as a plain value as well as a list.
        if (node is YamlScalarNode { Value: { Length: > 0 } one })
            return PolicyValues.Names(one);
        return Items(node, key, what).SelectMany(i => PolicyValues.Names(i.Value!)).ToList();
    }
}
