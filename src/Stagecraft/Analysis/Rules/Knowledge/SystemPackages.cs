using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>One OS package install command: the manager, its package words and, for apk, the virtual package name.</summary>
internal sealed record SystemPackageInstall(ShellCommand Command, string Manager, IReadOnlyList<ShellWord> Packages, string? VirtualName);

/// <summary>
/// What the OS package managers (apt, apk, yum/dnf, zypper) install and remove, as far as a RUN script shows it:
/// which words are packages, and whether a later command of the same script takes them out again.
/// </summary>
internal static class SystemPackages
{
    private static readonly string[] AptValueOptions = ["-o", "-c", "-t", "--option", "--config-file", "--target-release"];
    private static readonly string[] ApkValueOptions = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir"];
    private static readonly string[] RpmValueOptions = ["--enablerepo", "--disablerepo", "--setopt", "--installroot", "--releasever", "-c", "--config", "--repo", "-x", "--exclude"];

    private static readonly string[] AptInstall = ["install"];
    private static readonly string[] ApkInstall = ["add"];
    private static readonly string[] RpmInstall = ["install", "groupinstall"];
    private static readonly string[] ZypperInstall = ["install", "in"];

    /// <summary>Reads an (unwrapped) install command, or returns null when the command installs no OS packages.</summary>
    public static SystemPackageInstall? ReadInstall(ShellCommand command)
    {
        var (manager, verbs, valueOptions) = command.BaseName switch
        {
            "apt-get" or "apt" or "aptitude" => ("apt", AptInstall, AptValueOptions),
            "apk" => ("apk", ApkInstall, ApkValueOptions),
            "yum" or "dnf" or "microdnf" or "tdnf" => ("rpm", RpmInstall, RpmValueOptions),
            "zypper" => ("zypper", ZypperInstall, RpmValueOptions),
            _ => (null, [], []),
        };
        if (manager is null)
            return null;
        var words = Positionals(command, valueOptions);
        if (words.Count == 0 || Array.IndexOf(verbs, words[0].Value) < 0)
            return null;
        var virtualName = manager == "apk" ? command.GetOptionValue("-t", "--virtual") : null;
        var packages = new ShellWord[words.Count - 1];
        words.CopyTo(1, packages, 0, packages.Length);
        return new SystemPackageInstall(command, manager, packages, virtualName);
    }

    /// <summary>What the commands after <paramref name="install"/> in the script do to the packages it installed.</summary>
    public static PackageRemovals RemovalsAfter(ShellScript script, SystemPackageInstall install)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var keptByName = new HashSet<string>(StringComparer.Ordinal);
        bool markedAuto = false, autoRemoved = false;
        var valueOptions = install.Manager == "apk" ? ApkValueOptions : install.Manager == "apt" ? AptValueOptions : RpmValueOptions;
        foreach (var written in script.Commands)
        {
            if (written.Span.Start <= install.Command.Span.Start)
                continue;
            var command = written.Unwrap();
            if (!command.IsNamed("apt-mark", "apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "tdnf", "zypper"))
                continue;
            var words = Positionals(command, valueOptions);
            if (words.Count == 0)
                continue;
            var verb = words[0].Value;
            switch (command.BaseName)
            {
                case "apt-mark" when verb == "auto":
                    markedAuto = true;
                    break;
                case "apt-mark" when verb == "manual":
                    foreach (var word in words.Skip(1))
                        keptByName.Add(Name(word.Value));
                    break;
                case "apt-get" or "apt" or "aptitude" when verb is "purge" or "remove" or "autoremove":
                    autoRemoved |= verb == "autoremove" || command.HasOption("--auto-remove") || command.HasOption("--autoremove");
                    AddNames(removed, words);
                    break;
                case "apk" when verb == "del":
                case "yum" or "dnf" or "microdnf" or "tdnf" or "zypper" when verb is "remove" or "erase" or "rm":
                    AddNames(removed, words);
                    break;
            }
        }
        // docker-library idiom: apt-mark auto '.*'; apt-mark manual $saved; apt-get purge -y --auto-remove
        return new PackageRemovals(install, removed, keptByName, install.Manager == "apt" && markedAuto && autoRemoved);
    }

    private static void AddNames(HashSet<string> names, List<ShellWord> words)
    {
        for (var i = 1; i < words.Count; i++)
            names.Add(Name(words[i].Value));
    }

    /// <summary>The package name without a version or release pin: <c>gcc=4:12.2</c>, <c>gcc~=12</c>, <c>make&gt;4</c> give the bare name.</summary>
    public static string Name(string word)
    {
        var end = word.AsSpan().IndexOfAny("=<>~");
        return (end < 0 ? word : word[..end]).ToLowerInvariant();
    }

    private static List<ShellWord> Positionals(ShellCommand command, string[] valueOptions)
    {
        var result = new List<ShellWord>();
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value.StartsWith('-'))
            {
                if (Array.IndexOf(valueOptions, value) >= 0)
                    i++;
                continue;
            }
            result.Add(arguments[i]);
        }
        return result;
    }
}

/// <summary>Which packages of one install a later command of the same RUN removes again, or keeps on purpose.</summary>
internal sealed class PackageRemovals(SystemPackageInstall install, HashSet<string> removed, HashSet<string> keptByName, bool autoRemovesUnmarked)
{
    /// <summary>True when the package (version stripped) is purged, deleted with its --virtual group, or auto-removed and not marked manual by name.</summary>
    public bool Removes(string package) =>
        removed.Contains(package) || (install.VirtualName is { } group && removed.Contains(Name(group)))
        || (autoRemovesUnmarked && !keptByName.Contains(package));

    /// <summary>True when the RUN names the package in <c>apt-mark manual</c>: kept in the image on purpose.</summary>
    public bool KeepsOnPurpose(string package) => keptByName.Contains(package);

    /// <summary>True when every package of the install goes again.</summary>
    public bool RemovesAll()
    {
        foreach (var word in install.Packages)
        {
            if (!Removes(Name(word.Value)))
                return false;
        }
        return true;
    }

    private static string Name(string word) => SystemPackages.Name(word);
}
