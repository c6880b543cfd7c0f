using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A command that downloads packages into a cache a BuildKit cache mount could keep between builds.</summary>
/// <param name="Manager">The tool as users name it (apt-get, pip, npm, …).</param>
/// <param name="CacheTarget">The cache directory to mount when running as root with default settings.</param>
/// <param name="Keywords">Parts of a mount target that show it is this manager's cache (<c>/pkg/mod</c>, <c>.m2</c>).</param>
/// <param name="EnvVars">Variables that move the cache; a mount on their value counts.</param>
internal sealed record CachedDownload(ShellCommand Command, string Manager, string CacheTarget, string[] Keywords, string[] EnvVars);

/// <summary>Package managers' download caches, and whether a RUN's <c>--mount=type=cache</c> covers them.</summary>
internal static class DownloadCaches
{
    /// <summary>Reads an (unwrapped) command; null when it downloads no packages.</summary>
    public static CachedDownload? Read(ShellCommand command)
    {
        var words = command.PositionalArguments.Select(w => w.Value).ToArray();
        var verb = words.FirstOrDefault();
        return command.BaseName switch
        {
            "apt-get" or "apt" when verb is "install" or "upgrade" or "dist-upgrade" => new(command, "apt-get", "/var/cache/apt", ["/apt"], []),
            // apk add --no-cache fetches only a small index and the packages; a cache mount saves little there.
            "apk" when verb is "add" or "upgrade" && !command.HasOption("--no-cache") => new(command, "apk", "/var/cache/apk", ["apk"], []),
            "yum" or "dnf" or "microdnf" when verb is "install" or "upgrade" or "update" =>
                new(command, command.BaseName, command.BaseName == "yum" ? "/var/cache/yum" : "/var/cache/dnf", ["yum", "dnf"], []),
            "pip" or "pip3" when verb == "install" && !command.HasOption("--no-index") => Pip(command),
            "python" or "python3" when words is ["pip", "install", ..] && command.HasOption("-m") => Pip(command),
            "uv" when verb is "sync" || words is ["pip", "install", ..] => new(command, "uv", "/root/.cache/uv", ["/uv"], ["UV_CACHE_DIR"]),
            "poetry" when verb == "install" => new(command, "poetry", "/root/.cache/pypoetry", ["pypoetry"], ["POETRY_CACHE_DIR"]),
            "npm" when verb is "ci" or "install" or "i" => new(command, "npm", "/root/.npm", ["npm"], ["npm_config_cache", "NPM_CONFIG_CACHE"]),
            "yarn" when verb is "install" || DevelopmentDependencies.IsBareInstall(command) => new(command, "yarn", "/usr/local/share/.cache/yarn", ["yarn"], ["YARN_CACHE_FOLDER"]),
            "pnpm" when verb is "install" or "i" or "fetch" => new(command, "pnpm", "/root/.local/share/pnpm/store", ["pnpm"], ["PNPM_HOME", "npm_config_store_dir"]),
            "go" when verb is "build" or "install" || words is ["mod", "download", ..] =>
                new(command, "go", words is ["mod", ..] ? "/go/pkg/mod" : "/root/.cache/go-build", ["go-build", "/pkg/mod", "gocache"], ["GOCACHE", "GOMODCACHE"]),
            "cargo" when verb is "build" or "install" or "fetch" && !command.HasOption("--offline", "--frozen") => new(command, "cargo", "/usr/local/cargo/registry", ["cargo", "/target"], ["CARGO_HOME"]),
            "mvn" or "mvnw" when words.Length > 0 && !command.HasOption("-o", "--offline") => new(command, "mvn", "/root/.m2", [".m2"], ["MAVEN_CONFIG"]),
            "gradle" or "gradlew" when words.Length > 0 && !command.HasOption("--offline") => new(command, "gradle", "/root/.gradle", [".gradle"], ["GRADLE_USER_HOME"]),
            "dotnet" when verb is "restore" or "build" or "publish" => new(command, "dotnet", "/root/.nuget/packages", ["nuget"], ["NUGET_PACKAGES"]),
            "bundle" when verb is "install" || DevelopmentDependencies.IsBareInstall(command) => new(command, "bundle", "/usr/local/bundle/cache", ["bundle", "gem"], ["BUNDLE_PATH", "BUNDLE_CACHE_PATH"]),
            "composer" when verb == "install" => new(command, "composer", "/root/.composer/cache", ["composer"], ["COMPOSER_CACHE_DIR", "COMPOSER_HOME"]),
            _ => null,
        };
    }

    /// <summary>True when the RUN mounts a cache on the manager's cache directory, a folder above it, or where its variable moved it.</summary>
    public static bool IsCovered(RunInstructionSyntax run, CachedDownload download, VariableScope scope) =>
        run.Mounts.Any(m => m.Type == "cache" && m.Target is { Length: > 1 } target && Covers(target.TrimEnd('/'), download, scope));

    private static bool Covers(string target, CachedDownload download, VariableScope scope) =>
        target.Length > 0 && (download.CacheTarget.StartsWith(target + "/", StringComparison.Ordinal) || download.CacheTarget == target
            || download.Keywords.Any(k => target.Contains(k, StringComparison.OrdinalIgnoreCase))
            || download.EnvVars.Any(v => scope.TryGetValue(v, out var value) && value.TrimEnd('/').StartsWith(target, StringComparison.Ordinal))
            || download.Command.Assignments.Any(a => download.EnvVars.Contains(a.Name) && a.Value.TrimEnd('/').StartsWith(target, StringComparison.Ordinal)));

    /// <summary>The option that turns the manager's own cache off on this command (a cache mount is then useless until it goes), or null.</summary>
    public static string? CacheDisabledBy(CachedDownload download) => download.Manager switch
    {
        "pip" when download.Command.HasOption("--no-cache-dir") => "--no-cache-dir",
        "uv" when download.Command.HasOption("--no-cache", "-n") => "--no-cache",
        "poetry" when download.Command.HasOption("--no-cache") => "--no-cache",
        _ => null,
    };

    private static CachedDownload Pip(ShellCommand command) => new(command, "pip", "/root/.cache/pip", ["pip"], ["PIP_CACHE_DIR"]);
}
