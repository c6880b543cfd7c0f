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

    /// <summary>Reads an (unwrapped) install command, or returns null when the command installs no OS packages.</summary>
    public static SystemPackageInstall? ReadInstall(ShellCommand command)
    {
        var (manager, verbs, valueOptions) = command.BaseName switch
        {
            "apt-get" or "apt" or "aptitude" => ("apt", new[] { "install" }, AptValueOptions),
            "apk" => ("apk", new[] { "add" }, ApkValueOptions),
            "yum" or "dnf" or "microdnf" or "tdnf" => ("rpm", new[] { "install", "groupinstall" }, RpmValueOptions),
            "zypper" => ("zypper", new[] { "install", "in" }, RpmValueOptions),
            _ => (null, [], []),
        };
        if (manager is null)
            return null;
        var words = Positionals(command, valueOptions);
        if (words.Count == 0 || !verbs.Contains(words[0].Value))
            return null;
        var virtualName = manager == "apk" ? command.GetOptionValue("-t", "--virtual") : null;
        return new SystemPackageInstall(command, manager, words.Skip(1).ToArray(), virtualName);
    }

    /// <summary>The package names (versions stripped) that a command of the script removes: purge/remove/del, or everything installed in this script when it uses the apt-mark auto + autoremove idiom.</summary>
    public static bool RemovesLater(ShellScript script, SystemPackageInstall install, string package)
    {
        bool marksAuto = false, autoRemoves = false;
        foreach (var raw in script.Commands)
        {
            if (raw.Span.Start <= install.Command.Span.Start)
                continue;
            var command = raw.Unwrap();
            // Cheap name checks first: this runs for every package word of every install.
            var removeVerbs = command.BaseName switch
            {
                "apt-get" or "apt" or "aptitude" => AptRemoveVerbs,
                "apk" => ApkRemoveVerbs,
                "yum" or "dnf" or "microdnf" or "tdnf" or "zypper" => RpmRemoveVerbs,
                "apt-mark" => null,
                _ => [],
            };
            if (removeVerbs is null)
            {
                marksAuto |= command.HasArgument("auto");
                continue;
            }
            if (removeVerbs.Length == 0)
                continue;
            if (command.BaseName is "apt-get" or "apt")
                autoRemoves |= command.HasArgument("autoremove") || (command.HasArgument("purge") || command.HasArgument("remove")) && command.HasOption("--auto-remove");
            var words = Positionals(command, install.Manager == "apk" ? ApkValueOptions : AptValueOptions);
            if (words.Count == 0 || !removeVerbs.Contains(words[0].Value))
                continue;
            for (var i = 1; i < words.Count; i++)
            {
                if (Name(words[i].Value) == package || (install.VirtualName is { } v && words[i].Value == v))
                    return true;
            }
        }
        // docker-library idiom: apt-mark auto '.*'; apt-mark manual $saved; apt-get purge -y --auto-remove
        return install.Manager == "apt" && marksAuto && autoRemoves;
    }

    private static readonly string[] AptRemoveVerbs = ["purge", "remove"];
    private static readonly string[] ApkRemoveVerbs = ["del"];
    private static readonly string[] RpmRemoveVerbs = ["remove", "erase", "rm"];

    /// <summary>The package name without a version or release pin: <c>gcc=4:12.2</c>, <c>gcc~=12</c>, <c>make&gt;4</c> give the bare name.</summary>
    public static string Name(string word)
    {
        var end = word.IndexOfAny(['=', '<', '>', '~']);
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
                if (valueOptions.Contains(value))
                    i++;
                continue;
            }
            result.Add(arguments[i]);
        }
        return result;
    }
}
