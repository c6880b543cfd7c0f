using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG009: a FROM image without a tag, with <c>latest</c>, or with a tag that moves to new releases.</summary>
public sealed class BaseImageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG009", "base-image-not-pinned",
        "Base image not pinned to a version", Severity.Warning, RuleCategory.Correctness, ["DL3006", "DL3007"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "FROM images (ARGs expanded with their defaults) with no tag (DL3006) or the `latest` tag (DL3007), as warnings; and as info, tags that move to new releases: a major version alone (`node:20`, `alpine:3`), a channel or variant name (`node:lts`, `python:alpine`, `distroless:nonroot`) or a rolling distribution (`debian:sid`, `debian:stable`, `alpine:edge`). For operating-system images the release is the version: `debian:bookworm`, `debian:12`, `ubuntu:jammy` and Windows `ltsc2022` count as pinned, since their updates are security fixes. Digest-pinned images, scratch, stage names and references whose ARGs have no value are quiet.",
        WhyItMatters: "An unpinned base changes under you: the same Dockerfile builds a different image next week (a new major Node or Python, a new Debian release), so a rebuild for a one-line fix can break the build or the application, and the image cannot be reproduced.",
        Bad: "FROM node\nFROM python:latest\nFROM node:20",
        Good: "FROM node:20.11.1-slim\nFROM python:3.12-slim\n# strictest: a digest, updated by a bot\nFROM node:20.11.1-slim@sha256:<digest>",
        FixSafety: "No automatic fix: choosing the version (and looking up a digest) needs the registry.",
        Options: "Pinning major.minor (`python:3.12`) is accepted as pinned; a digest (`@sha256:…`) is the only fully reproducible pin and is always quiet.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Base.Kind != StageBaseKind.Image || stage.From.Image is not { } written)
                continue;
            if (context.Model.Expand(stage.From, written.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded
                || ImageReference.Parse(expanded.Value) is not { Digest: null } image)
                continue;
            if (image.Tag is null)
            {
                context.Report(written.Span, $"`{image}` has no tag, so it means `{image}:latest`, whatever that is on the day of the build: pin a version tag",
                    stage, aliases: ["DL3006"]);
            }
            else if (image.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(written.Span, $"`{image}` moves with every release: pin a version tag instead of `latest`", stage, aliases: ["DL3007"]);
            }
            else if (ImageTags.Classify(image, image.Tag) == TagPinning.Floating)
            {
                context.Report(written.Span,
                    $"`{image}` is a floating tag that moves to new releases: pin a more specific version (or a digest) for reproducible builds",
                    stage, severity: Severity.Info, aliases: []);
            }
        }
    }
}
