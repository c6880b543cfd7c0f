using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
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
        Flags: "apt-get/apt install, apk add (not with --no-cache, which keeps nothing and downloads little), yum/dnf install, pip/uv/poetry install, npm ci/install, yarn install, pnpm install, go build/install/mod download, cargo build, mvn, gradle, dotnet restore/build/publish, bundle install and composer install in a RUN of any stage the build runs, when the RUN has no `--mount=type=cache` on that manager's cache directory (or a folder above it, or where its cache variable such as PIP_CACHE_DIR or GOCACHE points). One finding per manager per RUN. Windows stages and ONBUILD triggers are left alone.",
        WhyItMatters: "When a step's cache is invalidated (a changed lockfile, a new base image) the whole download starts from nothing: hundreds of MB for a Maven or Gradle project, a full Go module and build cache, every wheel pip needs. A cache mount keeps those files on the builder between builds without putting them in any layer, so incremental rebuilds often go from minutes to seconds and the image needs no cache cleanup. Cache mounts need BuildKit (the default builder since Docker Engine 23.0).",
        Bad: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt",
        Good: "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
        FixSafety: "No automatic fix: the right target depends on the user the RUN runs as and the manager's settings, apt also needs /etc/apt/apt.conf.d/docker-clean removed and `sharing=locked`, and flags such as --no-cache-dir would need to go.");

    public override void Check(RuleContext context)
    {
        var buildKitNote = context.Tree.Root.GetDirective("syntax") is null ? " (cache mounts need BuildKit)" : "";
        foreach (var stage in context.TargetStages.Where(s => !s.IsWindows))
        {
            foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
            {
                if (context.Script(run) is not { } script)
                    continue;
                var scope = context.Model.ScopeAt(run);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var command in script.Script.Commands)
                {
                    if (DownloadCaches.Read(command.Unwrap()) is not { } download || !seen.Add(download.Manager) || DownloadCaches.IsCovered(run, download, scope))
                        continue;
                    var mount = download.Manager == "apt-get"
                        ? "`--mount=type=cache,target=/var/cache/apt,sharing=locked` and `--mount=type=cache,target=/var/lib/apt,sharing=locked` (and drop /etc/apt/apt.conf.d/docker-clean)"
                        : $"`--mount=type=cache,target={download.CacheTarget}`";
                    var user = UserAt(stage, run, context) is { } name ? $" (as user {name}, under that user's home)" : "";
                    var disabled = DownloadCaches.CacheDisabledBy(download) is { } option ? $" in place of {option}" : "";
                    context.Report(script.ToFileSpan(download.Command.Span),
                        $"{download.Manager} starts from an empty cache whenever this step reruns: add {mount}{disabled} to the RUN to keep its downloads on the builder between builds{user}{buildKitNote}", stage);
                }
            }
        }
    }

    /// <summary>The non-root user a RUN runs as, from the last USER before it in its stage or the stages it is built on.</summary>
    private static string? UserAt(Stage stage, RunInstructionSyntax run, RuleContext context)
    {
        if (StageChain.Before(stage, run).Select(x => x.Instruction).OfType<UserInstructionSyntax>().FirstOrDefault() is not { User: { } user } instruction)
            return null;
        var value = context.Model.Expand(instruction, user) is { Succeeded: true } r ? r.Value : user;
        return value is "root" or "0" ? null : value;
    }
}
