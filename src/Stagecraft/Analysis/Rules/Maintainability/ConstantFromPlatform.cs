using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>
/// STG115: FROM <c>--platform</c> fixed by the Dockerfile instead of following the build's platforms. One finding per
/// FROM, answering to hadolint's DL3029 and, for a constant the stage is not named after, BuildKit's FromPlatformFlagConstDisallowed.
/// </summary>
public sealed class ConstantFromPlatform : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG115", "constant-from-platform",
        "FROM pins a constant `--platform`", Severity.Warning, RuleCategory.Maintainability, ["FromPlatformFlagConstDisallowed", "DL3029"]);

    private static readonly string[] BothChecks = ["FromPlatformFlagConstDisallowed", "DL3029"];
    private static readonly string[] HadolintOnly = ["DL3029"];

    private static readonly string[] PlatformArgs = ["BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT"];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`FROM --platform=…` whose value does not come from the build: a constant such as `linux/amd64`, or an ARG whose default fixes it (hadolint's DL3029, a warning, which every finding answers to). A constant, written without variables, also answers to BuildKit's `FromPlatformFlagConstDisallowed` unless the stage's name contains that platform's OS or architecture (`AS build-amd64`), which BuildKit reads as deliberately platform-specific. Values that use BuildKit's platform arguments (`$BUILDPLATFORM`, `$TARGETPLATFORM`, `$TARGETOS/$TARGETARCH`, …) or an ARG without a default, which the person building sets, are not reported (hadolint reports all but `BUILDPLATFORM` and `TARGETPLATFORM`). Every finding is a warning, the stricter of the two checks' defaults.",
        WhyItMatters: "A fixed platform makes the stage ignore `docker build --platform` and multi-platform builds: on an arm64 machine or in a multi-arch build the stage still pulls and runs amd64 images under emulation, slowly, or ships amd64 binaries in the arm64 image. `--platform=$BUILDPLATFORM` runs build tools natively and cross-compiles for `$TARGETPLATFORM`, which is the default anyway.",
        Bad: "FROM --platform=linux/amd64 golang:1.22 AS build\nRUN go build -o /app .",
        Good: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .",
        FixSafety: "No automatic fix: whether the stage should follow the build or the target platform, or really is for one platform, depends on what it does.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.Platform is not { Value: { } written } flag)
                continue;
            var expanded = context.Model.Expand(stage.From, written);
            if (!expanded.Succeeded || expanded.Unmatched.Count > 0 || PlatformArgs.Any(expanded.Matched.Contains))
                continue;
            var constant = expanded.Matched.Count == 0;
            // BuildKit reads the platform the way containerd does (x86_64 is amd64) and skips it when the stage is named after it.
            if (constant && PlatformSpecifier.Parse(expanded.Value) is { } platform && !NamedAfter(stage, platform))
            {
                context.Report(flag.ValueSpan,
                    $"`--platform={expanded.Value}` builds this stage for one platform whatever `docker build --platform` asks: drop it, use `$BUILDPLATFORM` for build tools, or name the stage after its platform (`AS …-{platform.Architecture}`)",
                    stage, aliases: BothChecks);
            }
            else
            {
                context.Report(flag.ValueSpan,
                    $"`--platform={written}` pins this stage to {expanded.Value}, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out",
                    stage, aliases: HadolintOnly);
            }
        }
    }

    private static bool NamedAfter(Stage stage, PlatformSpecifier platform) =>
        stage.Name is { } name && (name.Contains(platform.OS, StringComparison.Ordinal) || name.Contains(platform.Architecture, StringComparison.Ordinal));
}
