namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// A parsed <c>.stagecraft.yaml</c>: settings for every Dockerfile plus per-path <see cref="Overrides"/>.
/// <see cref="For"/> gives the configuration of one Dockerfile. Schema: docs/configuration.md.
/// </summary>
public sealed class ConfigurationFile
{
    /// <summary>The names looked for, in each folder from the working directory up to the repository root.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [".stagecraft.yaml", ".stagecraft.yml"];

    internal ConfigurationFile(string path, string directory, LintConfiguration settings, IReadOnlyList<PathOverride> overrides,
        ConfigurationKind kind = ConfigurationKind.Stagecraft, IReadOnlyList<string>? notes = null)
    {
        Path = path;
        Directory = directory;
        Settings = settings;
        Overrides = overrides;
        Kind = kind;
        Notes = notes ?? [];
    }

    /// <summary>The file as shown in messages; empty when no file was read.</summary>
    public string Path { get; }

    /// <summary>Whose format the settings were read in.</summary>
    public ConfigurationKind Kind { get; }

    /// <summary>One-line remarks worth showing once (settings read but without effect, rule codes no rule checks yet).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The full path of the file's folder; <c>paths:</c> patterns are relative to it.</summary>
    public string Directory { get; }

    /// <summary>The settings that apply to every Dockerfile.</summary>
    public LintConfiguration Settings { get; }

    public IReadOnlyList<PathOverride> Overrides { get; }

    /// <summary>
    /// The configuration of one Dockerfile (a full path; null for standard input, which no override matches): the
    /// file's settings with every matching override applied in order (ignores add up, later severities win).
    /// </summary>
    public LintConfiguration For(string? dockerfile)
    {
        if (dockerfile is null || Overrides.Count == 0)
            return Settings;
        var relative = System.IO.Path.GetRelativePath(Directory, dockerfile);
        if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
            return Settings;
        var matching = Overrides.Where(o => o.Applies(relative)).ToArray();
        if (matching.Length == 0)
            return Settings;
        var ignored = new HashSet<string>(Settings.Ignored, StringComparer.OrdinalIgnoreCase);
        var severities = new Dictionary<string, Severity>(Settings.SeverityOverrides, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in matching)
        {
            ignored.UnionWith(entry.Ignored);
            foreach (var (code, severity) in entry.SeverityOverrides)
                severities[code] = severity;
        }
        return Settings with { Ignored = ignored, SeverityOverrides = severities };
    }

    /// <summary>
    /// The nearest configuration file: in <paramref name="startDirectory"/> or a folder above it, stopping at the
    /// repository root (the first folder with <c>.git</c>), or at the file-system root outside a repository. Null when none.
    /// </summary>
    /// <exception cref="ConfigurationException">A folder holds both .stagecraft.yaml and .stagecraft.yml.</exception>
    public static string? Find(string startDirectory) => FindUpward(startDirectory, FileNames);

    /// <summary>The first of <paramref name="names"/> in the start folder or a folder above it, up to the repository root.</summary>
    /// <exception cref="ConfigurationException">A folder holds two of the names.</exception>
    internal static string? FindUpward(string startDirectory, IReadOnlyList<string> names)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (FindIn(dir.FullName, names) is { } found)
                return found;
            if (System.IO.Directory.Exists(System.IO.Path.Combine(dir.FullName, ".git")) || File.Exists(System.IO.Path.Combine(dir.FullName, ".git")))
                return null;
        }
        return null;
    }

    /// <summary>The one of <paramref name="names"/> that exists in a folder, or null.</summary>
    /// <exception cref="ConfigurationException">Two of them exist: which one is meant cannot be told.</exception>
    internal static string? FindIn(string directory, IReadOnlyList<string> names)
    {
        var present = names.Where(n => File.Exists(System.IO.Path.Combine(directory, n))).ToArray();
        if (present.Length > 1)
            throw new ConfigurationException(System.IO.Path.Combine(directory, present[0]), 0, $"both {present[0]} and {present[1]} are here; keep one");
        return present.Length == 1 ? System.IO.Path.Combine(directory, present[0]) : null;
    }

    /// <summary>Reads and validates a configuration file.</summary>
    /// <param name="fullPath">Where to read it.</param>
    /// <param name="displayPath">How messages name it.</param>
    /// <param name="rules">The rules ids are checked against (default: every rule).</param>
    /// <param name="pathsRelativeTo">The folder <c>paths:</c> patterns are relative to; default: the file's own folder.</param>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static ConfigurationFile Load(string fullPath, string displayPath, IReadOnlyList<Rule>? rules = null, string? pathsRelativeTo = null)
    {
        var text = ReadText(fullPath, displayPath);
        return Parse(text, displayPath, pathsRelativeTo ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(fullPath))!, rules);
    }

    /// <exception cref="ConfigurationException">The file is missing or unreadable.</exception>
    internal static string ReadText(string fullPath, string displayPath)
    {
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException(displayPath, 0, "no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(displayPath, 0, System.IO.Directory.Exists(fullPath) ? "is a directory, not a configuration file" : "cannot read: " + e.Message, e);
        }
    }

    /// <summary>Parses configuration text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="displayPath">How messages name the file.</param>
    /// <param name="directory">The folder <c>paths:</c> patterns are relative to.</param>
    /// <param name="rules">The rules ids are checked against (default: every rule).</param>
    /// <exception cref="ConfigurationException">The text is not valid configuration.</exception>
    public static ConfigurationFile Parse(string text, string displayPath, string directory, IReadOnlyList<Rule>? rules = null)
    {
        var (settings, overrides) = new ConfigurationReader(displayPath, rules ?? RuleCatalog.All).Read(text);
        return new ConfigurationFile(displayPath, directory, settings with { Source = displayPath }, overrides);
    }

    /// <summary>A file with no settings, for runs without a configuration file.</summary>
    public static ConfigurationFile None(string directory) => new("", directory, LintConfiguration.Default, [], ConfigurationKind.None);
}
