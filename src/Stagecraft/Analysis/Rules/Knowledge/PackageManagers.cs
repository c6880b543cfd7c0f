using Stagecraft.Semantics.Shell;
using static Stagecraft.Analysis.Rules.Knowledge.PackageVerb;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Every package manager the rules know: OS managers, language package managers and build tools that download
/// dependencies. The one place that says which commands install, where each caches, and what turns the cache off.
/// </summary>
internal static class PackageManagers
{
    private static readonly string[] AptValueOptions = ["-o", "-c", "-t", "--option", "--config-file", "--target-release"];
    private static readonly string[] ApkValueOptions = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir"];
    private static readonly string[] RpmValueOptions = ["--enablerepo", "--disablerepo", "--setopt", "--installroot", "--releasever", "-c", "--config", "--repo", "-x", "--exclude", "-R", "--root"];
    private static readonly CacheVariable[] Fixed = [];
    private static readonly CacheDirectory[] RpmCaches = [new(["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"], Fixed)];

    public static PackageManager Apt { get; } = new("apt-get", "apt", AptVerb,
        [new(["/var/lib/apt/lists"], Fixed), new(["/var/cache/apt"], Fixed, StaysInLayer: false)], [], null, [],
        new("/var/lib/apt/lists", "DL3009", true, Refresh, PackageVerb.None, "rm -rf /var/lib/apt/lists/*",
            s => Uses(s, Apt!, Install | Upgrade, _ => true) && !Uses(s, Apt!, Refresh, _ => true)),
        _ => "`--mount=type=cache,target=/var/cache/apt,sharing=locked` and `--mount=type=cache,target=/var/lib/apt/lists,sharing=locked` (and drop /etc/apt/apt.conf.d/docker-clean)");

    public static PackageManager Apk { get; } = new("apk", "apk", c => Verb(c, ApkValueOptions) switch
        {
            "add" => Install,
            "upgrade" => Upgrade,
            "update" => Refresh,
            "cache" when c.HasArgument("clean") || c.HasArgument("purge") => CleanCache,
            _ => PackageVerb.None,
        },
        [new(["/var/cache/apk", "/etc/apk/cache"], Fixed)], ["--no-cache"], null, [],
        new("/var/cache/apk", "DL3019", true, Install | Upgrade | Refresh, Install | Upgrade, "rm -rf /var/cache/apk/*",
            s => Uses(s, Apk!, Install, c => !c.HasOption("--no-cache", "--update", "-U", "--update-cache")) && !Uses(s, Apk!, Refresh, _ => true)),
        // With --no-cache apk keeps nothing and downloads an index of a few MB and the packages: a mount saves little.
        // apk keeps downloaded packages only when /etc/apk/cache exists, and then keeps its indexes there too.
        c => c.HasOption("--no-cache") ? null : "`--mount=type=cache,target=/etc/apk/cache,sharing=locked`");

    public static PackageManager Pip { get; } = new("pip", "pip", PipVerb,
        [new(["~/.cache/pip"], [new("PIP_CACHE_DIR"), new("XDG_CACHE_HOME", "/pip")])], ["--no-cache-dir"], "PIP_NO_CACHE_DIR", ["pip", "setuptools", "wheel"],
        new("~/.cache/pip", "DL3042", true, Install, Install, null), Mount("/root/.cache/pip"));

    public static IReadOnlyList<PackageManager> All { get; } =
    [
        Apt, Apk, Rpm("yum", "DL3032", "/var/cache/yum"), Rpm("dnf", "DL3040", "/var/cache/dnf"), Rpm("microdnf", "DL3040", "/var/cache/dnf"),
        new("zypper", "zypper", c => Verb(c, RpmValueOptions) switch
            {
                "install" or "in" or "source-install" or "si" => Install,
                "update" or "up" or "patch" or "dist-upgrade" or "dup" => Upgrade,
                "refresh" or "ref" => Refresh,
                "clean" or "cc" => CleanCache,
                _ => PackageVerb.None,
            },
            [new(["/var/cache/zypp"], Fixed)], [], null, [], new("/var/cache/zypp", "DL3036", true, Install | Upgrade | Refresh, PackageVerb.None, "zypper clean --all"),
            Mount("/var/cache/zypp")),
        Pip,
        new("uv", "uv", c => c.PositionalArguments switch
            {
                [{ Value: "sync" }, ..] or [{ Value: "pip" }, { Value: "install" }, ..] => Install,
                [{ Value: "cache" }, { Value: "clean" or "prune" }, ..] => CleanCache,
                _ => PackageVerb.None,
            },
            [new(["~/.cache/uv"], [new("UV_CACHE_DIR"), new("XDG_CACHE_HOME", "/uv")])], ["--no-cache", "-n"], "UV_NO_CACHE", [], null, Mount("/root/.cache/uv")),
        Language("poetry", ["install"], "~/.cache/pypoetry", [new("POETRY_CACHE_DIR"), new("XDG_CACHE_HOME", "/pypoetry")], "/root/.cache/pypoetry", ["--no-cache"]),
        new("pipenv", "pipenv", c => Verb(c, []) is "install" or "sync" ? Install : PackageVerb.None,
            [new(["~/.cache/pipenv"], [new("PIPENV_CACHE_DIR"), new("XDG_CACHE_HOME", "/pipenv")]), new(["~/.cache/pip"], [new("PIP_CACHE_DIR")])], [], null, [], null,
            Mount("/root/.cache/pipenv")),
        new("npm", "npm", c => c.PositionalArguments switch
            {
                [{ Value: "install" or "i" or "ci" or "clean-install" or "add" }, ..] => Install,
                [{ Value: "cache" }, { Value: "clean" or "clear" or "rm" }, ..] => CleanCache,
                _ => PackageVerb.None,
            },
            [new(["~/.npm"], [new("npm_config_cache"), new("NPM_CONFIG_CACHE")])], [], null, ["npm", "corepack"],
            new("~/.npm", null, false, Install, PackageVerb.None, "npm cache clean --force"), Mount("/root/.npm")),
        new("yarn", "yarn", c => c.PositionalArguments switch
            {
                [{ Value: "install" }, ..] => Install,
                [{ Value: "cache" }, { Value: "clean" }, ..] => CleanCache,
                _ => DevelopmentDependencies.IsBareInstall(c) ? Install : PackageVerb.None,
            },
            [new(["/usr/local/share/.cache/yarn", "~/.cache/yarn", "~/.yarn/berry/cache"], [new("YARN_CACHE_FOLDER"), new("XDG_CACHE_HOME", "/yarn")])], [], null, [],
            new("the yarn cache", "DL3060", false, Install, PackageVerb.None, "yarn cache clean"), Mount("/usr/local/share/.cache/yarn")),
        Language("pnpm", ["install", "i", "fetch"], "~/.local/share/pnpm/store",
            [new("npm_config_store_dir"), new("NPM_CONFIG_STORE_DIR"), new("PNPM_HOME", "/store"), new("XDG_DATA_HOME", "/pnpm/store")], "/root/.local/share/pnpm/store"),
        Language("bun", ["install", "i"], "~/.bun/install/cache", [new("BUN_INSTALL_CACHE_DIR"), new("BUN_INSTALL", "/install/cache")], "/root/.bun/install/cache"),
        new("go", "go", c => c.PositionalArguments is [{ Value: "build" or "install" }, ..] or [{ Value: "mod" }, { Value: "download" }, ..] ? Install : PackageVerb.None,
            [new(["~/.cache/go-build"], [new("GOCACHE"), new("XDG_CACHE_HOME", "/go-build")]), new(["/go/pkg/mod", "~/go/pkg/mod"], [new("GOMODCACHE"), new("GOPATH", "/pkg/mod")])],
            [], null, [], null, c => $"`--mount=type=cache,target={(c.PositionalArguments[0].Value == "mod" ? "/go/pkg/mod" : "/root/.cache/go-build")}`"),
        new("cargo", "cargo", c => Verb(c, []) is "build" or "install" or "fetch" && !c.HasOption("--offline", "--frozen") ? Install : PackageVerb.None,
            [new(["/usr/local/cargo/registry", "~/.cargo/registry"], [new("CARGO_HOME", "/registry")]), new(["/usr/local/cargo/git", "~/.cargo/git"], [new("CARGO_HOME", "/git")])],
            [], null, [], null, Mount("/usr/local/cargo/registry")),
        new("mvn", "mvn", c => c.PositionalArguments.Count > 0 && !c.HasOption("-o", "--offline") ? Install : PackageVerb.None,
            [new(["~/.m2/repository"], [new("MAVEN_CONFIG", "/repository")])], [], null, [], null, Mount("/root/.m2")),
        new("gradle", "gradle", c => c.PositionalArguments.Count > 0 && !c.HasOption("--offline") ? Install : PackageVerb.None,
            [new(["~/.gradle"], [new("GRADLE_USER_HOME")])], [], null, [], null, Mount("/root/.gradle")),
        new("dotnet", "dotnet", c => Verb(c, []) switch
            {
                "restore" => Install,
                "build" or "publish" when !c.HasOption("--no-restore") => Install,
                _ => PackageVerb.None,
            },
            [new(["~/.nuget/packages"], [new("NUGET_PACKAGES")])], [], null, [], null, Mount("/root/.nuget/packages")),
        new("bundle", "bundle", c => Verb(c, []) == "install" || DevelopmentDependencies.IsBareInstall(c) ? Install : PackageVerb.None,
            [new(["/usr/local/bundle/cache", "~/.bundle/cache", "~/.gem"], [new("BUNDLE_PATH"), new("GEM_HOME", "/cache")])], [], null, [], null, Mount("/usr/local/bundle/cache")),
        Language("composer", ["install"], "~/.composer/cache", [new("COMPOSER_CACHE_DIR"), new("COMPOSER_HOME", "/cache")], "/root/.composer/cache", alternatives: ["~/.cache/composer", "/tmp/cache"]),
        // gem's leftover is documentation, not a cache: no directory, no mount advice.
        new("gem", "gem", c => Verb(c, []) == "install" ? Install : PackageVerb.None, [], ["--no-document", "-N", "--no-rdoc"], null, [],
            new("documentation", null, false, Install, Install, null), null),
    ];

    private static readonly Dictionary<string, PackageManager> ByProgram = Programs();

    /// <summary>The manager an unwrapped command runs (pip also as <c>pip3.12</c> or <c>python3 -m pip</c>), or null.</summary>
    public static PackageManager? Find(ShellCommand command) =>
        command.BaseName is not { } name ? null : ByProgram.TryGetValue(name, out var manager) ? manager : IsPip(command) ? Pip : null;

    /// <summary>The manager of that <see cref="PackageManager.Name"/>.</summary>
    public static PackageManager Named(string name) => ByProgram[name];

    /// <summary>The first positional argument: the subcommand for most managers.</summary>
    public static string? Subcommand(ShellCommand command) => command.PositionalArguments.Count > 0 ? command.PositionalArguments[0].Value : null;

    /// <summary>True for pip, pip3, pip3.12 and <c>python -m pip</c>.</summary>
    public static bool IsPip(ShellCommand command) =>
        command.BaseName is { } name && (name.StartsWith("pip", StringComparison.Ordinal) && name.AsSpan(3).IndexOfAnyExcept("0123456789.") < 0
            || name.StartsWith("python", StringComparison.Ordinal) && command.Words.Count > 2 && command.Words[1].Value == "-m" && command.Words[2].Value == "pip");

    /// <summary>The first argument that is neither an option nor the value of one of <paramref name="valueOptions"/>.</summary>
    public static string? Verb(ShellCommand command, string[] valueOptions)
    {
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value.Length < 2 || value[0] != '-')
                return value;
            if (Array.IndexOf(valueOptions, value) >= 0)
                i++;
        }
        return null;
    }

    private static PackageVerb AptVerb(ShellCommand command) => Verb(command, AptValueOptions) switch
    {
        "install" or "reinstall" or "build-dep" => Install,
        "upgrade" or "dist-upgrade" or "full-upgrade" or "safe-upgrade" => Upgrade,
        "update" => Refresh,
        "distclean" or "dist-clean" => CleanCache,
        _ => PackageVerb.None,
    };

    private static PackageVerb PipVerb(ShellCommand command)
    {
        var words = command.PositionalArguments;
        var at = words.Count > 0 && words[0].Value == "pip" && !command.BaseName!.StartsWith("pip", StringComparison.Ordinal) ? 1 : 0;
        return words.Count <= at ? PackageVerb.None : words[at].Value switch
        {
            // --no-index installs from local files: nothing is downloaded or cached.
            "install" when !command.HasOption("--no-index") => Install,
            "cache" when words.Count > at + 1 && words[at + 1].Value is "purge" or "remove" => CleanCache,
            _ => PackageVerb.None,
        };
    }

    private static PackageManager Rpm(string name, string alias, string mount) => new(name, "rpm", c => Verb(c, RpmValueOptions) switch
        {
            "install" or "groupinstall" or "localinstall" or "reinstall" => Install,
            "update" or "upgrade" or "distro-sync" or "upgrade-minimal" => Upgrade,
            "makecache" => Refresh,
            "clean" when c.HasArgument("all") || c.HasArgument("packages") || c.HasArgument("metadata") => CleanCache,
            _ => PackageVerb.None,
        },
        RpmCaches, [], null, [], new(mount, alias, true, Install | Upgrade | Refresh, PackageVerb.None, name + " clean all"), Mount(mount));

    private static PackageManager Language(string name, string[] verbs, string cache, CacheVariable[] movedBy, string mount, string[]? noCache = null, string[]? alternatives = null) =>
        new(name, name, c => Verb(c, []) is { } verb && Array.IndexOf(verbs, verb) >= 0 ? Install : PackageVerb.None,
            [new([cache, .. alternatives ?? []], movedBy)], noCache ?? [], null, [], null, Mount(mount));

    private static Func<ShellCommand, string?> Mount(string target)
    {
        var advice = $"`--mount=type=cache,target={target}`";
        return _ => advice;
    }

    /// <summary>True when the script runs a command of <paramref name="manager"/> with one of <paramref name="verbs"/> that passes <paramref name="also"/>.</summary>
    private static bool Uses(ShellScript script, PackageManager manager, PackageVerb verbs, Func<ShellCommand, bool> also)
    {
        foreach (var written in script.Commands)
        {
            var command = written.Unwrap();
            if (ReferenceEquals(Find(command), manager) && (manager.Read(command) & verbs) != 0 && also(command))
                return true;
        }
        return false;
    }

    private static Dictionary<string, PackageManager> Programs()
    {
        var programs = new Dictionary<string, PackageManager>(StringComparer.Ordinal);
        foreach (var manager in All)
            programs[manager.Name] = manager;
        programs["apt"] = programs["aptitude"] = Apt;
        programs["pip3"] = Pip;
        programs["mvnw"] = programs["mvn"];
        programs["gradlew"] = programs["gradle"];
        return programs;
    }
}
