using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Cache;

/// <summary>
/// A package install or dependency download in a RUN without a BuildKit cache mount on that manager's cache, so every
/// rebuild of the step downloads everything again.
/// </summary>
public sealed class PackageDownloadWithoutCacheMount : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG014", "package-download-without-cache-mount",
        "Package install without a BuildKit cache mount", Severity.Info, RuleCategory.Cache);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A command that downloads packages or dependencies in a RUN of any stage the build runs, when the RUN has no `--mount=type=cache` where that manager keeps its downloads: apt-get/apt/aptitude install and upgrade, apk add and upgrade (not with --no-cache, which keeps nothing and downloads little), yum/dnf/microdnf and zypper installs and upgrades, pip, uv, poetry and pipenv installs, npm ci/install, yarn install, pnpm install, bun install, go build/install/mod download, cargo build, mvn, gradle, dotnet restore/build/publish, bundle install and composer install. A mount counts when its target is the cache folder, a folder above it or one inside it — the default folder (in any user's home), or where a variable such as PIP_CACHE_DIR, npm_config_cache, GOCACHE, GOMODCACHE or XDG_CACHE_HOME moved it; a target that merely contains the manager's name does not, nor does a tmpfs, which starts empty every build. One finding per manager per RUN. Not reported: the manager updating itself (`pip install --upgrade pip setuptools wheel`, `npm install -g npm`), one or two small archives; and OS packages that the same RUN removes again (a `--virtual` group deleted, a purge, or apt-mark auto + `purge --auto-remove`) when nothing from the build context comes before the RUN — such a step installs a temporary toolchain to build something pinned in the Dockerfile, as the official images' release builds do: it reruns only when the Dockerfile changes, its time goes to the build, and those images are built on fresh builders where a cache mount starts empty anyway. Windows stages and ONBUILD triggers are left alone.",
        WhyItMatters: "When a step's cache is invalidated (a changed lockfile, a new base image) the whole download starts from nothing: hundreds of MB for a Maven or Gradle project, a full Go module and build cache, every wheel pip needs. A cache mount keeps those files on the builder between builds without putting them in any layer, so incremental rebuilds often go from minutes to seconds and the image needs no cache cleanup. Cache mounts need BuildKit (the default builder since Docker Engine 23.0).",
        Bad: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt",
        Good: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
        FixSafety: "Unsafe: inserts every cache mount the RUN's managers need right after `RUN` (one fix for the whole RUN), each on the folder the manager really uses: where a variable moved it, else its default in the home of the user the RUN runs as (`/root` for root), with `uid=`/`gid=` when that user is not root so it can write there (the Docker default makes the mount root's; folders above the target that do not exist yet are still created as root's, so a later step of that user writing elsewhere in, say, ~/.cache needs them made first). The system managers' mounts (apt's /var/cache/apt and /var/lib/apt/lists — not all of /var/lib/apt, whose extended_states records which packages were installed only as dependencies and belongs in the image —, /etc/apk/cache — apk keeps packages only when that folder exists —, /var/cache/yum, /var/cache/dnf, /var/cache/zypp) get `sharing=locked`, since those managers lock their caches and concurrent builds must take turns. A Go build also mounts the module cache (/go/pkg/mod on the golang images) so it reads what `go mod download` fetched. What makes the mount useless goes in the same fix: --no-cache-dir (or the manager's other no-cache option), cleanup commands that end the RUN and only empty the mounted folders (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `yum clean all`, `npm cache clean --force`), and, for apt, `rm -f /etc/apt/apt.conf.d/docker-clean` goes before the script (a line of its own in a heredoc; left out when an earlier RUN removed it): the Debian and Ubuntu images' hook otherwise deletes every downloaded .deb; with the `apt` front end, which deletes them as well, `Binary::apt::APT::Keep-Downloaded-Packages \"true\"` is written to /etc/apt/apt.conf.d/keep-cache too. yum and dnf get `--setopt=keepcache=1` after the verb, since they delete downloaded packages after a transaction (microdnf and zypper keep only their metadata in the mount). Display only, saying why, when the folder or its owner is not certain: a non-root user whose home (useradd -m or -d, adduser) or uid (-u) the Dockerfile does not show (the node images' `node` user is known), the cache turned off by a variable such as PIP_NO_CACHE_DIR, a RUN that already has a tmpfs or bind mount on the folder, bundler outside the ruby images and composer outside the composer image without their cache variables. Yarn is taken to be Yarn 1, which the node images ship. The mounts need BuildKit: STG018's safe fix then adds `# syntax=docker/dockerfile:1`, and the legacy builder (DOCKER_BUILDKIT=0) can no longer build the file.");

    public override void Check(RuleContext context)
    {
        string? buildKitNote = null;
        List<PackageCommand>? needing = null;
        var seen = new List<PackageManager>();
        foreach (var stage in context.TargetStages)
        {
            if (stage.IsWindows)
                continue;
            // Whether the build context was read before: this stage's instructions so far, then (asked only when it matters) the stages below.
            var readsHere = false;
            bool? readsBelow = null;
            foreach (var instruction in stage.Instructions)
            {
                readsHere = readsHere || BuildContextReads.Reads(instruction);
                if (instruction is not RunInstructionSyntax run || context.Script(run) is not { } script)
                    continue;
                var packages = RunPackages.Of(context, stage, run, script);
                needing?.Clear();
                // A hand-written loop: most RUNs install nothing, and those must cost no allocation.
                foreach (var command in packages.Commands)
                {
                    if ((command.Verb & (PackageVerb.Install | PackageVerb.Upgrade)) == 0 || command.Manager.MountAdvice?.Invoke(command.Effective) is null
                        || packages.MountKeeps(command, CacheUse.BetweenBuilds) || InstallsOnlyItself(command))
                        continue;
                    if (!readsHere && !(readsBelow ??= BuildContextReads.Before(stage)) && TemporaryToolchain(script.Script, command))
                        continue;
                    (needing ??= []).Add(command);
                }
                if (needing is not { Count: > 0 })
                    continue;
                buildKitNote ??= context.Tree.Root.GetDirective("syntax") is null ? " (cache mounts need BuildKit)" : "";
                Report(context, stage, run, script, packages, needing, seen, buildKitNote);
            }
        }
    }

    /// <summary>One finding per manager of <paramref name="needing"/>, all sharing the RUN's fix.</summary>
    private static void Report(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, RunPackages packages,
        List<PackageCommand> needing, List<PackageManager> seen, string buildKitNote)
    {
        var fixes = CacheMountFix.For(context, stage, run, script, packages, needing);
        string? user = null;
        seen.Clear();
        foreach (var command in needing)
        {
            if (seen.Contains(command.Manager))
                continue;
            seen.Add(command.Manager);
            var (fix, resolved) = fixes[command.Manager];
            var disabled = command.CacheDisabledBy is { } option ? $" in place of {option}" : "";
            string message;
            if (resolved is not null)
            {
                message = $"{command.Manager.Name} starts from an empty cache whenever this step reruns: add {resolved}{disabled} to the RUN to keep its downloads on the builder between builds{buildKitNote}";
            }
            else
            {
                // For a non-root user the fix knows the folder in that user's home (and the uid); otherwise say where to look.
                user ??= UserAt(stage, run, context) is { } name ? $" (as user {name}, under that user's home)" : "";
                message = $"{command.Manager.Name} starts from an empty cache whenever this step reruns: add {MountAdvice(command)}{disabled} to the RUN to keep its downloads on the builder between builds{user}{buildKitNote}";
            }
            context.Report(script.ToFileSpan(command.Written.Span), message, stage, fix);
        }
    }

    /// <summary>The manager's usual mount, or one on the folder a variable moved its cache to.</summary>
    private static string MountAdvice(PackageCommand command)
    {
        foreach (var cache in command.Caches)
        {
            if (cache.Moved)
                return $"`--mount=type=cache,target={cache.Path}`";
        }
        return command.Manager.MountAdvice!(command.Effective)!;
    }

    /// <summary>The manager updating itself (pip install --upgrade pip setuptools wheel, npm install -g npm@10): one or two small archives.</summary>
    private static bool InstallsOnlyItself(PackageCommand command)
    {
        var own = command.Manager.OwnPackages;
        if (own.Length == 0 || command.Effective.HasOption("-r", "--requirement", "-e", "--editable", "-c", "--constraint"))
            return false;
        var words = command.Effective.PositionalArguments;
        // Skip `pip` of `python -m pip`, then the verb.
        var first = (words.Count > 0 && words[0].Value == "pip" && command.Effective.BaseName != "pip" ? 1 : 0) + 1;
        if (words.Count <= first)
            return false;
        for (var i = first; i < words.Count; i++)
        {
            if (Array.IndexOf(own, PackageName(words[i].Value)) < 0)
                return false;
        }
        return true;
    }

    /// <summary><c>setuptools==79.0.1</c>, <c>wheel&lt;0.46</c>, <c>npm@10</c> and <c>pip[extra]</c> give the bare name.</summary>
    private static string PackageName(string word)
    {
        var end = word.Length > 1 ? word.AsSpan(1).IndexOfAny("=<>!~;[@ ") + 1 : 0;
        return (end > 0 ? word[..end] : word).ToLowerInvariant();
    }

    /// <summary>
    /// OS packages installed and removed again in the same RUN (a `--virtual` group deleted, purged, or the apt-mark auto +
    /// autoremove idiom): a toolchain that exists for this step only.
    /// </summary>
    private static bool TemporaryToolchain(ShellScript script, PackageCommand command) =>
        SystemPackages.ReadInstall(command.Effective) is { Packages.Count: > 0 } install && SystemPackages.RemovalsAfter(script, install).RemovesAll();

    /// <summary>The non-root user a RUN runs as, from the last USER before it in its stage or the stages it is built on.</summary>
    private static string? UserAt(Stage stage, RunInstructionSyntax run, RuleContext context)
    {
        if (StageChain.LastBefore<UserInstructionSyntax>(stage, run) is not { User: { } user } instruction)
            return null;
        var value = context.Model.Expand(instruction, user) is { Succeeded: true } r ? r.Value : user;
        return value is "root" or "0" ? null : value;
    }
}
