namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// Which settings a run uses, in this order: the file given with <c>--config</c> (read in hadolint's format when
/// <see cref="HadolintConfiguration.IsHadolintFile"/>); else the nearest <c>.stagecraft.yaml</c>; else hadolint's
/// configuration (the project's <c>.hadolint.yaml</c>, then hadolint's user-wide files, under its <c>HADOLINT_*</c>
/// variables); else the defaults. Docs: docs/configuration.md.
/// </summary>
public static class ConfigurationSearch
{
    /// <param name="workingDirectory">Where the run is; searches start here and relative names are shown from here.</param>
    /// <param name="explicitPath">The <c>--config</c> file as typed, or null.</param>
    /// <param name="environment">Reads an environment variable (HOME, XDG_CONFIG_HOME, HADOLINT_*).</param>
    /// <param name="rules">The rules codes are resolved against (default: every rule).</param>
    /// <param name="windows">Whether hadolint's Windows places apply (default: the running system's).</param>
    /// <exception cref="ConfigurationException">The file found or given cannot be used.</exception>
    public static ConfigurationFile Load(string workingDirectory, string? explicitPath, Func<string, string?> environment,
        IReadOnlyList<Rule>? rules = null, bool? windows = null)
    {
        if (explicitPath is not null)
        {
            // A file named with --config may live anywhere (ci/, a shared checkout): its paths are relative to where lint runs.
            var given = Path.GetFullPath(explicitPath, workingDirectory);
            return HadolintConfiguration.IsHadolintFile(given)
                ? HadolintConfiguration.Load(given, explicitPath, environment, workingDirectory, rules)!
                : ConfigurationFile.Load(given, explicitPath, rules, pathsRelativeTo: workingDirectory);
        }
        if (ConfigurationFile.Find(workingDirectory) is { } found)
            return ConfigurationFile.Load(found, Path.GetRelativePath(workingDirectory, found), rules);

        // Project files are named as the user reaches them from here; user-wide ones by their full path.
        string? full, display;
        if (HadolintConfiguration.FindInProject(workingDirectory) is { } project)
            (full, display) = (project, Path.GetRelativePath(workingDirectory, project));
        else
            full = display = HadolintConfiguration.FindForUser(environment, windows ?? OperatingSystem.IsWindows());
        return HadolintConfiguration.Load(full, display, environment, workingDirectory, rules) ?? ConfigurationFile.None(workingDirectory);
    }
}
