using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// What one package manager leaves behind after installing, and what removes it: an option that avoids the cache
/// (<see cref="Option"/>), an environment variable that does (<see cref="EnvironmentSwitch"/>), a cleanup command
/// (<see cref="IsCleanup"/>), removing <see cref="Directories"/>, or a cache/tmpfs mount on them.
/// </summary>
/// <param name="Subcommand">The word after which <see cref="Option"/> is inserted (install, add).</param>
/// <param name="Cleanup">The command a fix appends at the end of the RUN when there is no option to add.</param>
/// <param name="Certain">False for managers whose leftovers are a matter of taste (npm, yarn, gem docs): reported as info.</param>
/// <param name="LaterNeedsCache">True for a later RUN that works only while the cache is present (apt-get install without update).</param>
internal sealed record PackageCache(string Manager, string Leftover, string? Alias, bool Certain, string[] Directories, string? Subcommand,
    string? Option, string? EnvironmentSwitch, string? Cleanup, Func<ShellCommand, bool> Installs, Func<ShellCommand, bool> IsCleanup,
    Func<ShellScript, bool>? LaterNeedsCache = null);

/// <summary>The package managers whose caches end up in image layers.</summary>
internal static class PackageCaches
{
    public static IReadOnlyList<PackageCache> All { get; } =
    [
        new("apt-get", "/var/lib/apt/lists", "DL3009", true, ["/var/lib/apt/lists"], null, null, null, "rm -rf /var/lib/apt/lists/*",
            c => c.IsNamed("apt-get", "apt", "aptitude") && Sub(c) is "install" or "update",
            c => c.IsNamed("apt-get", "apt") && Sub(c) is "distclean" or "dist-clean",
            s => s.FindCommands("apt-get", "apt", "aptitude").Any(c => Sub(c) == "install") && !s.FindCommands("apt-get", "apt", "aptitude").Any(c => Sub(c) == "update")),
        new("apk", "/var/cache/apk", "DL3019", true, ["/var/cache/apk", "/etc/apk/cache"], "add", "--no-cache", null, null,
            c => c.IsNamed("apk") && Sub(c) == "add",
            c => c.IsNamed("apk") && Sub(c) == "cache" && c.PositionalArguments.Count > 1 && c.PositionalArguments[1].Value is "clean" or "purge",
            s => s.FindCommands("apk").Any(c => Sub(c) == "add" && !c.HasOption("--no-cache", "--update", "-U")) && !s.FindCommands("apk").Any(c => Sub(c) == "update")),
        new("pip", "~/.cache/pip", "DL3042", true, ["~/.cache/pip"], "install", "--no-cache-dir", "PIP_NO_CACHE_DIR", null,
            IsPipInstall,
            c => IsPip(c) && c.PositionalArguments is [{ Value: "cache" }, { Value: "purge" or "remove" }, ..]),
        new("npm", "~/.npm", null, false, ["~/.npm"], null, null, null, "npm cache clean --force",
            c => c.IsNamed("npm") && Sub(c) is "install" or "i" or "ci" or "clean-install" or "add",
            c => c.IsNamed("npm") && c.PositionalArguments is [{ Value: "cache" }, { Value: "clean" or "clear" or "rm" }, ..]),
        new("yarn", "the yarn cache", "DL3060", false, ["/usr/local/share/.cache/yarn", "~/.cache/yarn", "~/.yarn/berry/cache"], null, null, null, "yarn cache clean",
            c => c.IsNamed("yarn") && (Sub(c) == "install" || (Sub(c) is null && !c.HasOption("--version", "-v", "--help", "-h"))),
            c => c.IsNamed("yarn") && c.PositionalArguments is [{ Value: "cache" }, { Value: "clean" }, ..]),
        new("yum", "/var/cache/yum", "DL3032", true, ["/var/cache/yum", "/var/cache/dnf"], null, null, null, "yum clean all",
            c => c.IsNamed("yum") && Sub(c) is "install" or "groupinstall" or "localinstall" or "reinstall" or "update" or "upgrade",
            IsRpmCleanAll),
        new("dnf", "/var/cache/dnf", "DL3040", true, ["/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"], null, null, null, "dnf clean all",
            c => c.IsNamed("dnf") && Sub(c) is "install" or "groupinstall" or "reinstall" or "update" or "upgrade",
            IsRpmCleanAll),
        new("microdnf", "/var/cache/yum", "DL3040", true, ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"], null, null, null, "microdnf clean all",
            c => c.IsNamed("microdnf") && Sub(c) is "install" or "reinstall" or "update" or "upgrade",
            IsRpmCleanAll),
        new("zypper", "/var/cache/zypp", "DL3036", true, ["/var/cache/zypp"], null, null, null, "zypper clean --all",
            c => c.IsNamed("zypper") && Sub(c) is "install" or "in" or "update" or "up" or "patch" or "dist-upgrade" or "dup" or "source-install" or "si",
            c => c.IsNamed("zypper") && Sub(c) is "clean" or "cc"),
        new("gem", "documentation", null, false, [], "install", "--no-document", null, null,
            c => c.IsNamed("gem") && Sub(c) == "install" && !c.HasOption("-N", "--no-document", "--no-rdoc"),
            _ => false),
    ];

    /// <summary>The first positional argument: the subcommand for these managers.</summary>
    public static string? Sub(ShellCommand command) => command.PositionalArguments.Count > 0 ? command.PositionalArguments[0].Value : null;

    public static bool IsPip(ShellCommand command) =>
        command.BaseName is { } name && name.StartsWith("pip", StringComparison.Ordinal) && name[3..].All(c => char.IsAsciiDigit(c) || c == '.')
        || (command.BaseName?.StartsWith("python", StringComparison.Ordinal) == true && command.Words.Count > 2 && command.Words[1].Value == "-m" && command.Words[2].Value == "pip");

    private static bool IsPipInstall(ShellCommand command) =>
        IsPip(command) && command.Words.Skip(1).FirstOrDefault(w => !w.Value.StartsWith('-') && w.Value != "pip") is { Value: "install" };

    private static bool IsRpmCleanAll(ShellCommand command) =>
        command.IsNamed("yum", "dnf", "microdnf") && command.PositionalArguments is [{ Value: "clean" }, { Value: "all" or "packages" or "metadata" }, ..];
}
