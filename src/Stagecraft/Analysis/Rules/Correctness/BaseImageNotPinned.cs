using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

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
        FixSafety: "Unsafe: for the official images whose releases Stagecraft keeps offline (node, python, golang, rust, eclipse-temurin, ruby, php and mcr.microsoft.com/dotnet/*), the tag becomes the newest known release of the line it names, keeping the variant: `node:20-slim` → `node:20.19.5-slim`, `node:iron` → `node:20.19.5`, `python:3` → `python:3.14.0`; no tag, `latest`, node's `lts` and a variant alone (`python:alpine` → `python:3.13.7-alpine`) take the default line, which may be another line than the floating tag points to today. A tag set by a global ARG default is pinned in the default when that ARG feeds only FROM lines. `node:current` (the newest, non-LTS line), other images, lines and variants the table does not know to be published (node:20-trixie, alpine3.x variants of older releases) get a suggestion saying why, never a guessed tag. With `stagecraft fix --unsafe --pin-digests` the registry is asked for the digest of the precise tag (its manifest list, so every platform) and the FROM gets `node:20.19.5-slim@sha256:…`; a registry that does not answer leaves the tag pin alone, with a note. A pin in an ARG default gets no digest.",
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
                    stage, PinFix(context, written, expanded.Value, image), aliases: ["DL3006"]);
            }
            else if (image.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(written.Span, $"`{image}` moves with every release: pin a version tag instead of `latest`", stage,
                    PinFix(context, written, expanded.Value, image), aliases: ["DL3007"]);
            }
            else if (ImageTags.Classify(image, image.Tag) == TagPinning.Floating)
            {
                context.Report(written.Span,
                    $"`{image}` is a floating tag that moves to new releases: pin a more specific version (or a digest) for reproducible builds",
                    stage, PinFix(context, written, expanded.Value, image), Severity.Info, aliases: []);
            }
        }
    }

    /// <summary>Rewrites the tag to the precise release, in the FROM or in the ARG default it comes from; or says why not.</summary>
    private static Fix PinFix(RuleContext context, ArgumentSyntax written, string expanded, ImageReference image)
    {
        var pin = PreciseImageTags.Pin(image);
        if (pin.Tag is not { } tag)
            return Refused(pin.Refusal!);
        var title = $"Pin {image.WithTag(tag)}";
        if (!written.Value.Contains('$'))
        {
            if (context.Tree.Source.GetText(written.Span) != written.Value)
                return Refused("the image is written across lines or quoted; pin it by hand");
            // Only when asked (fix --pin-digests): the registry's digest of the precise tag, which pins every platform.
            return context.Model.Settings.ImageDigests.DigestOf(image.WithTag(tag)) is { } digest
                ? new Fix(title + " and its digest", FixSafety.Unsafe, [new TextEdit(written.Span, WithTag(written.Value, tag) + "@" + digest)])
                : new Fix(title, FixSafety.Unsafe, [new TextEdit(written.Span, WithTag(written.Value, tag))]);
        }
        return ArgDefaultEdits.Rewrite(context.Model, written.Value, expanded, WithTag(expanded.Trim(), tag), (from, name) => WantedDefault(context.Model, from, name)) is { } edit
            ? new Fix(title + " in the ARG default", FixSafety.Unsafe, [edit])
            : Refused("the tag comes from an ARG that cannot be rewritten on its own (used elsewhere, quoted, or not a plain default); pin it by hand");
    }

    /// <summary>The ARG default another FROM using the same ARG would be pinned with, or null when it has no pin.</summary>
    private static string? WantedDefault(SemanticModel model, FromInstructionSyntax from, string name)
    {
        if (from.Image is not { } written || ArgDefaultEdits.Split(written.Value) is not (var prefix, var used, var suffix) || used != name
            || model.Expand(from, written.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded
            || ImageReference.Parse(expanded.Value) is not { Digest: null } image || !Floats(image)
            || PreciseImageTags.Pin(image).Tag is not { } tag)
            return null;
        var wanted = WithTag(expanded.Value.Trim(), tag);
        return wanted.StartsWith(prefix, StringComparison.Ordinal) && wanted.EndsWith(suffix, StringComparison.Ordinal) && wanted.Length > prefix.Length + suffix.Length
            ? wanted[prefix.Length..^suffix.Length] : null;
    }

    private static bool Floats(ImageReference image) =>
        image.Tag is null || image.Tag.Equals("latest", StringComparison.OrdinalIgnoreCase) || ImageTags.Classify(image, image.Tag) == TagPinning.Floating;

    private static Fix Refused(string reason) => new($"no pin: {reason}", FixSafety.DisplayOnly, []);

    /// <summary>The reference with its tag replaced (or added): the part before the tag stays as written.</summary>
    private static string WithTag(string reference, string tag)
    {
        var colon = reference.LastIndexOf(':');
        return (colon > reference.LastIndexOf('/') ? reference[..colon] : reference) + ":" + tag;
    }
}
