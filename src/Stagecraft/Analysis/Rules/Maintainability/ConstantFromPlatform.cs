using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG115: <c>FROM --platform=linux/amd64</c> with a constant platform; BuildKit's FromPlatformFlagConstDisallowed.</summary>
public sealed class ConstantFromPlatform : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG115", "constant-from-platform",
        "FROM pins a constant `--platform`", Severity.Info, RuleCategory.Maintainability, ["FromPlatformFlagConstDisallowed"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A FROM whose `--platform` is a constant such as `linux/amd64` (no variables), unless the stage's name contains that platform's OS or architecture (`AS build-amd64`), which marks the stage as deliberately platform-specific. BuildKit's `FromPlatformFlagConstDisallowed` check.",
        WhyItMatters: "A constant platform builds that stage for one platform whatever `docker build --platform` asks, so a multi-platform build silently ships amd64 binaries in the arm64 image (or runs them under emulation). `--platform=$BUILDPLATFORM` runs build tools natively and cross-compiles; `$TARGETPLATFORM` is the default anyway.",
        Bad: "FROM --platform=linux/amd64 golang:1.22 AS build\nRUN go build -o /app .",
        Good: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .",
        FixSafety: "No automatic fix: dropping the flag or cross-compiling changes what is built.");

    public override void Check(RuleContext context)
    {
        var options = SemanticModel.ExpansionOptionsFor(context.Tree);
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.Platform is not { Value: { } value } flag || WordExpander.FindReferences(value, options).Count > 0)
                continue;
            var expanded = WordExpander.ExpandWord(value, context.Model.GlobalScope, options);
            if (!expanded.Succeeded || PlatformSpecifier.Parse(expanded.Value) is not { } platform)
                continue;
            var name = stage.Name ?? "";
            if (name.Contains(platform.OS, StringComparison.Ordinal) || name.Contains(platform.Architecture, StringComparison.Ordinal))
                continue;
            context.Report(flag.ValueSpan,
                $"`--platform={expanded.Value}` builds this stage for one platform whatever `docker build --platform` asks: drop it, use `$BUILDPLATFORM` for build tools, or name the stage after its platform (`AS …-{platform.Architecture}`)",
                stage);
        }
    }
}
