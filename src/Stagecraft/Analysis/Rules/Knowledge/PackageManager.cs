using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>What a package-manager command does, as far as its cache is concerned.</summary>
[Flags]
internal enum PackageVerb
{
    None = 0,
    /// <summary>Fetches and installs packages or dependencies (apt-get install, pip install, npm ci, go build, mvn package).</summary>
    Install = 1,
    /// <summary>Fetches newer versions of installed packages (apt-get upgrade, apk upgrade, yum update).</summary>
    Upgrade = 2,
    /// <summary>Downloads the package index only (apt-get update, apk update, dnf makecache, zypper refresh).</summary>
    Refresh = 4,
    /// <summary>Empties the cache (apt-get distclean, apk cache clean, yum clean all, npm cache clean).</summary>
    CleanCache = 8,
}

/// <summary>A variable that moves a cache: the cache is then at its value followed by <see cref="Suffix"/>.</summary>
internal readonly record struct CacheVariable(string Name, string Suffix = "");

/// <summary>
/// One cache of a manager: where it is by default (alternatives, any of which may be the one in use; <c>~/</c> means the
/// home of whoever runs the command) and the variables that move it, first match wins.
/// </summary>
/// <param name="StaysInLayer">False when the base images empty it after every command anyway (apt's /var/cache/apt, which
/// the docker-clean hook of the Debian and Ubuntu images clears), so it matters only for keeping downloads between builds.</param>
internal sealed record CacheDirectory(string[] Paths, CacheVariable[] MovedBy, bool StaysInLayer = true);

/// <summary>How a manager's leftovers in an image layer are reported and fixed (STG003) and found (STG011).</summary>
/// <param name="Leftover">What is left, for messages (a path, or "documentation").</param>
/// <param name="Alias">The hadolint rule id for this manager, when there is one.</param>
/// <param name="Certain">False for leftovers that are a matter of taste (npm, yarn, gem docs): reported as info.</param>
/// <param name="Writes">The verbs that leave the cache in the layer unless the command disables it.</param>
/// <param name="OptionVerbs">The verbs that take <see cref="PackageManager.NoCacheOptions"/>; a finding on them inserts it.</param>
/// <param name="Cleanup">What a fix appends at the end of the RUN for the other verbs.</param>
/// <param name="LaterNeedsCache">True for a later script that works only while the cache is there (apt-get install without update).</param>
internal sealed record LayerLeftover(string Leftover, string? Alias, bool Certain, PackageVerb Writes, PackageVerb OptionVerbs, string? Cleanup,
    Func<ShellScript, bool>? LaterNeedsCache = null);

/// <summary>
/// One package manager: how to read its commands, where it caches, what turns its cache off, and the advice the rules
/// give about it. <see cref="PackageManagers"/> holds them all.
/// </summary>
/// <param name="Name">The tool as users name it in messages (apt-get, pip, npm, dnf, …).</param>
/// <param name="Family">Managers sharing a cache (yum, dnf and microdnf): one's clean command empties the others' cache.</param>
/// <param name="Read">Classifies an unwrapped command of this manager.</param>
/// <param name="NoCacheOptions">Options with which the command leaves nothing behind; the first is the one a fix adds.</param>
/// <param name="NoCacheVariable">An environment variable that does the same (PIP_NO_CACHE_DIR).</param>
/// <param name="OwnPackages">Packages that are the manager's own tooling (pip, setuptools, wheel): installing only these is a bootstrap.</param>
/// <param name="Layer">How its leftovers are reported; null when it leaves nothing STG003 reports.</param>
/// <param name="MountAdvice">The cache mount(s) to suggest for a command, in backquotes; null (or a null result) when none is worth it.</param>
internal sealed record PackageManager(string Name, string Family, Func<ShellCommand, PackageVerb> Read, CacheDirectory[] Caches,
    string[] NoCacheOptions, string? NoCacheVariable, string[] OwnPackages, LayerLeftover? Layer, Func<ShellCommand, string?>? MountAdvice);
