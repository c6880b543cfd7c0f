using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>STG006: the final image is built on a full OS or toolchain image where a slim, alpine or distroless variant exists.</summary>
public sealed class FullBaseImageInFinalStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG006", "full-base-image-in-final-stage",
        "Full base image where a smaller variant exists", Severity.Info, RuleCategory.Size);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The image the final stage is built on (following `FROM <stage>` back to an image, with ARGs expanded) when it is the full Debian variant of an official image that also comes slim or alpine (node, python, ruby, perl, debian, php, eclipse-temurin JDK, openjdk), or a compiler image (golang, rust, .NET SDK) whose output could run on distroless, scratch or the .NET runtime image. Tags that are already slim, alpine, distroless, chiseled, JRE or Windows are quiet, as are images this rule does not know and images with ONBUILD triggers (bases for later builds).",
        WhyItMatters: "The full variants carry compilers, headers and hundreds of packages the application never uses: node:20 is ~1.1 GB against ~200 MB for node:20-slim; golang:1.22 is ~800 MB where the compiled binary runs on distroless/static at ~2 MB. Every pull, push and cold start pays for it, and each unused package is one more CVE to triage.",
        Bad: "FROM python:3.12\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]",
        Good: "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]",
        FixSafety: "Unsafe, offered only for a literal image without digest that has a slim or JRE variant: replaces the tag (node:20 → node:20-slim). Slim variants lack compilers and many libraries, so RUN steps or the application may need packages installed. Compiler images need a multi-stage build and get no fix.");

    public override void Check(RuleContext context)
    {
        // An image with ONBUILD triggers is a base for later builds, which usually need the build tools.
        if (context.ImageStages.Count == 0 || HasOnbuildTriggers(context.ImageStages))
            return;
        var root = context.ImageStages[^1];
        if (root.IsWindows || root.Base.Kind != StageBaseKind.Image || root.From.Image is not { } written
            || ImageReference.Parse(root.Base.Reference) is not { } image || BaseImageVariants.Suggest(image) is not { } suggestion)
            return;
        var reference = root.Base.Reference;
        var alternatives = string.Join(" or ", suggestion.Alternatives.Select(a => $"{a.Image} ({a.Size})"));
        var message = suggestion.IsToolchain
            ? $"the final image is built on {reference} ({suggestion.CurrentSize}), a compiler image: build in an earlier stage and copy the result into {alternatives}"
            : $"the final image is built on {reference} ({suggestion.CurrentSize}): {alternatives} runs the same code without the build tools";
        Fix? fix = null;
        if (!suggestion.IsToolchain && !written.Value.Contains('$') && image.Digest is null && !suggestion.Alternatives[0].Image.EndsWith("-alpine", StringComparison.Ordinal))
            fix = new Fix($"Use {suggestion.Alternatives[0].Image}", FixSafety.Unsafe, [new TextEdit(written.Span, suggestion.Alternatives[0].Image)]);
        context.Report(written.Span, message, root, fix);
    }

    private static bool HasOnbuildTriggers(ItemList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            if (stage.OnbuildTriggers.Count > 0)
                return true;
        }
        return false;
    }
}
