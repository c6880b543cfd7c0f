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
        var after = script.Commands.Where(c => c.Span.Start > install.Command.Span.Start).Select(c => c.Unwrap()).ToArray();
        foreach (var command in after)
        {
            var words = Positionals(command, install.Manager == "apk" ? ApkValueOptions : AptValueOptions);
            if (words.Count == 0)
                continue;
            var verb = words[0].Value;
            var removes = command.BaseName switch
            {
                "apt-get" or "apt" or "aptitude" => verb is "purge" or "remove",
                "apk" => verb == "del",
                "yum" or "dnf" or "microdnf" or "tdnf" or "zypper" => verb is "remove" or "erase" or "rm",
                _ => false,
            };
            if (removes && words.Skip(1).Any(w => Name(w.Value) == package || (install.VirtualName is { } v && w.Value == v)))
                return true;
        }
        // docker-library idiom: apt-mark auto '.*'; apt-mark manual $saved; apt-get purge -y --auto-remove
        return install.Manager == "apt" && after.Any(c => c.IsNamed("apt-mark") && c.HasArgument("auto"))
            && after.Any(c => c.IsNamed("apt-get", "apt") && (c.HasArgument("autoremove") || (c.HasArgument("purge") || c.HasArgument("remove")) && c.HasOption("--auto-remove")));
    }

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
