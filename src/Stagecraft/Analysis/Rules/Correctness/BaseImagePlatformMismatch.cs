using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// STG120: the base image's own platform differs from the one the stage is built for; BuildKit's InvalidBaseImagePlatform.
/// Needs the image's metadata, so it reports only when the lint was asked to look base images up.
/// </summary>
public sealed class BaseImagePlatformMismatch : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG120", "base-image-platform-mismatch",
        "Base image built for another platform than the stage", Severity.Warning, RuleCategory.Correctness, ["InvalidBaseImagePlatform"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A FROM whose image, as the Docker engine or the registry has it, declares another OS or architecture than the stage is built for: the stage's `--platform`, or else the build's target platform (`stagecraft lint --platform`, default the host's). Variants (arm/v7 against arm/v6) are not compared, as in BuildKit's `InvalidBaseImagePlatform`. Only with `stagecraft lint --base-images daemon|registry|auto`: a lint does not look images up unless asked, and this rule is quiet without their metadata.",
        WhyItMatters: "A single-platform image tagged locally, or pushed without a manifest list, is used whatever platform the build asks for. The build then runs foreign binaries under emulation (slowly, or failing with `exec format error`) and the result is labelled with the wrong platform, so it breaks on the machines it is pulled to.",
        Bad: "# myorg/base:1 exists only as linux/arm64\nFROM myorg/base:1\nRUN make",
        Good: "# publish myorg/base:1 for every platform you build (docker buildx build --platform linux/amd64,linux/arm64 --push)\nFROM myorg/base:1\nRUN make",
        FixSafety: "No automatic fix: the image has to be published for the platform, or the stage pinned to the platform the image has.");

    public override void Check(RuleContext context)
    {
        var lookup = context.Model.Settings.BaseImages;
        if (ReferenceEquals(lookup, BaseImageLookup.None))
            return;
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Base.Kind != StageBaseKind.Image || stage.Base.Reference.Contains('$'))
                continue;
            var expected = Expected(context.Model.Settings, stage);
            if (expected is null || lookup.Find(stage.Base.Reference, expected) is not { } image)
                continue;
            var actual = PlatformSpecifier.Parse(image.Platform.ToString());
            if (actual is null || (actual.OS == expected.OS && actual.Architecture == expected.Architecture))
                continue;
            context.Report(stage.From.Image?.Span ?? stage.From.Span,
                $"`{stage.Base.Reference}` is a {Show(actual)} image ({image.Source}), but this stage is built for {expected}: the build would run it under emulation and label the result wrongly",
                stage);
        }
    }

    /// <summary>The stage's own <c>--platform</c>, normalized as containerd reads it, or the build's target platform; null when --platform cannot be read.</summary>
    private static Platform? Expected(BuildSettings settings, Stage stage)
    {
        if (stage.Platform is null)
            return settings.TargetPlatform;
        return PlatformSpecifier.Parse(stage.Platform) is { } written ? new Platform(written.OS, written.Architecture, written.Variant) : null;
    }

    private static string Show(PlatformSpecifier platform) =>
        platform.Variant is null ? $"{platform.OS}/{platform.Architecture}" : $"{platform.OS}/{platform.Architecture}/{platform.Variant}";
}
