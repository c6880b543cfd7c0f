using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG277: <c>COPY --from=stage / /</c>, a whole file system copied over this one.</summary>
public sealed class CopyWholeFilesystemFromStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG277", "copy-whole-filesystem-from-stage",
        "COPY of a whole file system from another stage", Severity.Warning, RuleCategory.Correctness, ["DL3067"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`COPY --from=stage / /`: the whole file system of another stage of this file copied to `/`. Stages built up from `scratch` hold only what was copied into them on purpose and are left alone, and so are images, named in `--from` or by a stage that only names them (`FROM tonistiigi/xx AS xx`) (`COPY --from=docker/buildx-bin / /usr/libexec/docker/cli-plugins` style images are made to be copied whole), although hadolint's DL3067 reports those too.",
        WhyItMatters: "Everything in the other stage lands over this one: its package database, /etc/passwd, the shell and libraries of its base image, caches and build tools. The image grows, this stage's own files are overwritten, and what ends up where depends on two base images at once. Copy the files you need instead.",
        Bad: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /",
        Good: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app",
        FixSafety: "No automatic fix: name the files to copy.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var reference in stage.References)
            {
                if (reference.Instruction is not CopyInstructionSyntax { From: { } from, Destination: { } destination } copy || Unquoted(destination.Value) != "/"
                    || reference.Stage is not { } copied || IsExportOrAlias(copied))
                    continue;
                foreach (var source in copy.PathSources)
                {
                    if (Unquoted(source.Value) == "/")
                    {
                        context.Report(TextSpan.FromBounds(source.Span.Start, destination.Span.End),
                            $"this copies the whole file system of `{from.Value}` over this stage's: copy only the files the image needs", stage);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A stage built up from scratch holds only what was copied into it on purpose (an export stage); a chain of stages
    /// with no instructions is only a name for its image (<c>FROM tonistiigi/xx AS xx</c>), which is treated as an image.
    /// </summary>
    private static bool IsExportOrAlias(Stage stage)
    {
        var root = stage;
        var empty = stage.Instructions.Count == 0;
        for (var guard = 0; root.Base.Stage is { } below && guard < 1000; guard++)
        {
            root = below;
            empty &= below.Instructions.Count == 0;
        }
        return root.Base.Kind == StageBaseKind.Scratch || empty;
    }

    private static string Unquoted(string value) => value.Trim('"', '\'');
}
