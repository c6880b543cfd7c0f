using System.Globalization;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Images.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Stagecraft.Images.Policy;

/// <summary>
/// dive's three CI rules from a <c>.dive-ci</c> file, applied as dive applies them. A rule is off when its value is
/// <c>disabled</c>; a rule the file does not name takes dive's default (lowestEfficiency 0.9, highestUserWastedPercent
/// 0.1, highestWastedBytes off). Keys are matched case-insensitively (dive reads the file with viper) and keys dive does
/// not know — plugins, other sections — are ignored. The comparisons are dive's, strict: efficiency fails only below the
/// threshold, wasted bytes and the user-wasted ratio only above it (equal passes), and a ratio that is not a number
/// (a one-layer image) passes.
/// </summary>
/// <param name="LowestEfficiency">Null when disabled.</param>
/// <param name="HighestWastedBytes">Null when disabled.</param>
/// <param name="HighestUserWastedPercent">A ratio 0 to 1 despite its name; null when disabled.</param>
/// <param name="Source">The file as the user named it.</param>
public sealed record DiveCiRules(double? LowestEfficiency, long? HighestWastedBytes, double? HighestUserWastedPercent, string Source)
{
    private const string Disabled = "disabled";

    /// <summary>dive's defaults for a rule the file does not name.</summary>
    public static DiveCiRules Defaults(string source) => new(0.9, null, 0.1, source);

    /// <summary>Reads a <c>.dive-ci</c> file.</summary>
    /// <exception cref="ConfigurationException">Unreadable, not YAML, or a value dive would call misconfigured; the message names file:line.</exception>
    public static DiveCiRules Load(string fullPath, string displayPath) => Parse(ConfigurationFile.ReadText(fullPath, displayPath), displayPath);

    /// <exception cref="ConfigurationException">Not YAML, or a value dive would call misconfigured.</exception>
    public static DiveCiRules Parse(string text, string displayPath)
    {
        var rules = Defaults(displayPath);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(displayPath, e.Start.Line, "invalid YAML: " + e.Message.Trim().TrimEnd('.'), e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return rules;
        var section = root.Children.FirstOrDefault(e => e.Key is YamlScalarNode { Value: { } k } && k.Equals("rules", StringComparison.OrdinalIgnoreCase)).Value;
        if (section is not YamlMappingNode mapping)
            return rules;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                continue;
            if (key.Equals("lowestEfficiency", StringComparison.OrdinalIgnoreCase))
                rules = rules with { LowestEfficiency = Ratio(value, "lowestEfficiency", displayPath) };
            else if (key.Equals("highestWastedBytes", StringComparison.OrdinalIgnoreCase))
                rules = rules with { HighestWastedBytes = Bytes(value, displayPath) };
            else if (key.Equals("highestUserWastedPercent", StringComparison.OrdinalIgnoreCase))
                rules = rules with { HighestUserWastedPercent = Ratio(value, "highestUserWastedPercent", displayPath) };
        }
        return rules;
    }

    private static string Text(YamlNode node, string key, string path) =>
        node is YamlScalarNode { Value: { } text } ? text.Trim() : throw new ConfigurationException(path, node.Start.Line, $"rules.{key}: expected a value, not a list or mapping");

    private static double? Ratio(YamlNode node, string key, string path)
    {
        var text = Text(node, key, path);
        if (text == Disabled)
            return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new ConfigurationException(path, node.Start.Line, $"rules.{key}: '{text}' is not a number (dive expects a ratio between 0 and 1, or 'disabled')");
        if (value is < 0 or > 1)
            throw new ConfigurationException(path, node.Start.Line, $"rules.{key}: '{text}' is outside 0 to 1 (a ratio: 0.1 is 10 %)");
        return value;
    }

    private static long? Bytes(YamlNode node, string path)
    {
        var text = Text(node, "highestWastedBytes", path);
        if (text == Disabled)
            return null;
        return DiveSizeText.Parse(text, out var problem) ?? throw new ConfigurationException(path, node.Start.Line, "rules.highestWastedBytes: " + problem);
    }

    /// <summary>The enabled rules held against dive's figures for the image.</summary>
    public IEnumerable<PolicyCheck> Evaluate(DiveFigures figures)
    {
        if (LowestEfficiency is { } lowest)
            yield return new PolicyCheck(PolicyRules.DiveLowestEfficiency, "efficiency score, as dive computes it", PolicyUnit.Ratio,
                PolicyComparison.DiveAtLeast, figures.EfficiencyScore, lowest, !(lowest > figures.EfficiencyScore), null, [], Source);
        if (HighestWastedBytes is { } wasted)
            yield return new PolicyCheck(PolicyRules.DiveHighestWastedBytes, "wasted bytes, as dive counts them (every copy of a path in two or more layers)", PolicyUnit.Bytes,
                PolicyComparison.DiveAtMost, figures.InefficientBytes, wasted, !(figures.InefficientBytes > wasted), null, [], Source);
        if (HighestUserWastedPercent is { } percent)
        {
            var ratio = figures.UserWastedPercent;
            yield return new PolicyCheck(PolicyRules.DiveHighestUserWastedPercent, "wasted bytes over the bytes of all layers but the first, as dive computes it", PolicyUnit.Ratio,
                PolicyComparison.DiveAtMost, double.IsFinite(ratio) ? ratio : null, percent, !(percent < ratio),
                double.IsNaN(ratio) ? "not a number for an image with one layer; dive passes it"
                    : double.IsInfinity(ratio) ? "infinite: paths are wasted but the layers above the first add no bytes" : null, [], Source);
        }
    }
}
