namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG221: FROM <c>--platform</c> fixed by the Dockerfile instead of following the build's platforms.</summary>
public sealed class FromPlatformFixed : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG221", "from-platform-fixed",
        "FROM --platform fixed by the Dockerfile", Severity.Warning, RuleCategory.Maintainability, ["DL3029"]);

    public override RuleDescriptor Descriptor => Id;

    private static readonly string[] PlatformArgs = ["BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`FROM --platform=…` whose value does not come from the build: a constant such as `linux/amd64`, or an ARG whose default fixes it. Values that use BuildKit's platform arguments (`$BUILDPLATFORM`, `$TARGETPLATFORM`, `$TARGETOS/$TARGETARCH`, …) or an ARG without a default, which the person building sets, are not reported.",
        WhyItMatters: "A fixed platform makes the stage ignore `docker build --platform` and multi-platform builds: on an arm64 machine or in a multi-arch build the stage still pulls and runs amd64 images under emulation, slowly, or produces binaries for the wrong architecture. `--platform=$BUILDPLATFORM` (build tools run natively, cross-compiling for `$TARGETPLATFORM`) is the pattern that works everywhere.",
        Bad: "FROM --platform=linux/amd64 golang:1.22 AS build",
        Good: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .",
        FixSafety: "No automatic fix: whether the stage should follow the build or the target platform depends on what it does.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.Platform is not { Value: { } written } platform)
                continue;
            var expanded = context.Model.Expand(stage.From, written);
            if (!expanded.Succeeded || expanded.Unmatched.Count > 0 || UsesPlatformArg(expanded.Matched))
                continue;
            context.Report(platform.ValueSpan,
                $"`--platform={written}` pins this stage to {expanded.Value}, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out", stage);
        }
    }

    private static bool UsesPlatformArg(IReadOnlySet<string> names)
    {
        foreach (var name in PlatformArgs)
        {
            if (names.Contains(name))
                return true;
        }
        return false;
    }
}
