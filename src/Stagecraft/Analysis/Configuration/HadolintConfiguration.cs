namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// hadolint's configuration, for projects that have no <c>.stagecraft.yaml</c>: its file, found where hadolint looks
/// for it, and its <c>HADOLINT_*</c> environment variables, layered as hadolint layers them. Docs: docs/configuration.md.
/// </summary>
public static class HadolintConfiguration
{
    /// <summary>The names looked for in the project, from the working directory up to the repository root.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [".hadolint.yaml", ".hadolint.yml"];

    /// <summary>
    /// hadolint's places outside the project, in its order; each group is one place, where two files would be ambiguous:
    /// <c>$XDG_CONFIG_HOME</c> (when absolute, else <c>~/.config</c>), then <c>~/.hadolint/</c>, then the home folder itself.
    /// On Windows, hadolint's equivalents: <c>%LOCALAPPDATA%</c>, <c>%APPDATA%\hadolint</c>, <c>%USERPROFILE%\Documents</c>.
    /// Empty without a home folder.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> UserFiles(Func<string, string?> environment, bool windows)
    {
        string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;
        var xdg = Variable("XDG_CONFIG_HOME") is { } configured && Path.IsPathFullyQualified(configured) ? configured : null;
        string? configFolder, appFolder, homeFolder;
        if (windows)
        {
            configFolder = xdg ?? Variable("LOCALAPPDATA");
            appFolder = Variable("APPDATA") is { } roaming ? Path.Combine(roaming, "hadolint") : null;
            homeFolder = Variable("USERPROFILE") is { } profile ? Path.Combine(profile, "Documents") : null;
        }
        else
        {
            var home = Variable("HOME");
            configFolder = xdg ?? (home is null ? null : Path.Combine(home, ".config"));
            appFolder = home is null ? null : Path.Combine(home, ".hadolint");
            homeFolder = home;
        }
        var places = new List<IReadOnlyList<string>>();
        if (configFolder is not null)
            places.Add(In(configFolder, "hadolint.yaml", "hadolint.yml"));
        if (appFolder is not null)
            places.Add(In(appFolder, "hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml"));
        if (homeFolder is not null)
            places.Add(In(homeFolder, [.. FileNames]));
        return places;
    }

    /// <summary>The project's hadolint file: in the start folder or one above it, up to the repository root. Null when none.</summary>
    /// <exception cref="ConfigurationException">A folder holds both .hadolint.yaml and .hadolint.yml.</exception>
    public static string? FindInProject(string startDirectory) => ConfigurationFile.FindUpward(startDirectory, FileNames);

    /// <summary>The first file in <see cref="UserFiles"/> that exists, or null.</summary>
    /// <exception cref="ConfigurationException">One place holds two of the names.</exception>
    public static string? FindForUser(Func<string, string?> environment, bool windows)
    {
        foreach (var place in UserFiles(environment, windows))
        {
            var present = place.Where(File.Exists).ToArray();
            if (present.Length > 1)
                throw new ConfigurationException(present[0], 0, $"both {Path.GetFileName(present[0])} and {Path.GetFileName(present[1])} are here; keep one");
            if (present.Length == 1)
                return present[0];
        }
        return null;
    }

    /// <summary>True for a file to read in hadolint's format: its name, or its folder's (<c>~/.hadolint/config.yaml</c>), says hadolint.</summary>
    public static bool IsHadolintFile(string path) =>
        Path.GetFileName(path).Contains("hadolint", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "").Equals(".hadolint", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// hadolint's file (if any) over its environment variables. Null when there is neither a file nor a variable set.
    /// </summary>
    /// <param name="fullPath">The file, or null for the variables alone.</param>
    /// <param name="displayPath">How messages name the file.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="directory">The folder the run works in (the configuration's folder for the linter).</param>
    /// <param name="rules">The rules codes are resolved against (default: every rule).</param>
    /// <exception cref="ConfigurationException">The file or a variable cannot be used.</exception>
    public static ConfigurationFile? Load(string? fullPath, string? displayPath, Func<string, string?> environment, string directory,
        IReadOnlyList<Rule>? rules = null) =>
        fullPath is null
            ? Parse(null, null, environment, directory, rules)
            : Parse(ConfigurationFile.ReadText(fullPath, displayPath ?? fullPath), displayPath ?? fullPath, environment, directory, rules);

    /// <summary>Like <see cref="Load"/>, with the file's text given.</summary>
    public static ConfigurationFile? Parse(string? text, string? displayPath, Func<string, string?> environment, string directory,
        IReadOnlyList<Rule>? rules = null)
    {
        rules ??= RuleCatalog.All;
        var (settings, variables) = HadolintEnvironment.Read(environment, rules);
        if (text is null && variables.Count == 0)
            return null;
        if (text is not null)
            settings = settings.Under(new HadolintFileReader(displayPath ?? "", rules).Read(text));
        var sources = variables.Count == 0 ? displayPath! : text is null ? string.Join(", ", variables) : $"{displayPath}, {string.Join(", ", variables)}";
        return new ConfigurationFile(displayPath ?? "", directory, settings.ToConfiguration(sources), [], ConfigurationKind.Hadolint, settings.Notes);
    }

    private static string[] In(string folder, params string[] names) => names.Select(n => Path.Combine(folder, n)).ToArray();
}
