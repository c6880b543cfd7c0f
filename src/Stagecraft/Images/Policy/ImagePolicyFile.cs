using System.Globalization;
using Stagecraft.Analysis.Configuration;

namespace Stagecraft.Images.Policy;

/// <summary>An image pattern's own settings, applied over the policy's defaults when a name of the image matches.</summary>
/// <param name="Images">Image name patterns (<see cref="NamePattern"/>).</param>
public sealed record ImagePolicyOverride(IReadOnlyList<string> Images, ImagePolicy Policy);

/// <summary>
/// A policy as a file holds it: defaults for every image, then <c>overrides</c> for images whose name matches a pattern.
/// In <c>.stagecraft.yaml</c> it is the <c>image:</c> section; a <c>--policy</c> file holds the same keys at its top level.
/// Schema: docs/check.md.
/// </summary>
public sealed record ImagePolicyFile(string Path, ImagePolicy Defaults, IReadOnlyList<ImagePolicyOverride> Overrides)
{
    /// <summary>
    /// The policy for an image known by <paramref name="names"/>: the defaults, then every override with a pattern that
    /// matches one of the names, in file order — a later matching override wins for the keys it sets.
    /// </summary>
    public ImagePolicy For(IReadOnlyCollection<string> names)
    {
        var policy = Defaults;
        foreach (var entry in Overrides)
        {
            if (entry.Images.Any(pattern => names.Any(name => NamePattern.Matches(pattern, name))))
                policy = entry.Policy.Over(policy);
        }
        return policy;
    }

    /// <summary>Reads a <c>--policy</c> file: the image section's keys at the top level.</summary>
    /// <exception cref="ConfigurationException">Missing, unreadable or invalid; the message names file:line.</exception>
    public static ImagePolicyFile Load(string fullPath, string displayPath) =>
        new ImagePolicyReader(displayPath).ReadPolicy(ConfigurationFile.ReadText(fullPath, displayPath), section: null);

    /// <summary>Reads the <c>image:</c> section of a <c>.stagecraft.yaml</c>; null when it has none.</summary>
    /// <exception cref="ConfigurationException">Unreadable or invalid.</exception>
    public static ImagePolicyFile? FromConfiguration(string fullPath, string displayPath)
    {
        var policy = new ImagePolicyReader(displayPath).ReadPolicy(ConfigurationFile.ReadText(fullPath, displayPath), section: ImagePolicyReader.Section);
        return policy.Defaults.IsEmpty && policy.Overrides.Count == 0 ? null : policy;
    }

    public static ImagePolicyFile Parse(string text, string displayPath, bool inConfiguration = false) =>
        new ImagePolicyReader(displayPath).ReadPolicy(text, inConfiguration ? ImagePolicyReader.Section : null);

    /// <summary>The names an image is known by, for matching patterns: the reference's name and every tag its source gives, each with and without its tag, and without docker.io/ and docker.io/library/.</summary>
    public static IReadOnlyCollection<string> NamesOf(string reference, IEnumerable<string> tags)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in tags.Prepend(reference))
        {
            foreach (var shortened in new[] { name, Strip(name, "docker.io/library/"), Strip(name, "docker.io/") })
            {
                names.Add(shortened);
                names.Add(WithoutTag(shortened));
            }
        }
        return names;
    }

    private static string Strip(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;

    private static string WithoutTag(string name)
    {
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
            name = name[..at];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    internal static string At(string path, long line) => line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{path}:{line}") : path;
}
