using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG216: <c>COPY --from</c> names a stage defined later, or a name that is neither an earlier stage nor a tagged image.</summary>
public sealed class CopyFromUndefinedStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG216", "copy-from-undefined-stage",
        "COPY --from names no earlier stage", Severity.Warning, RuleCategory.Correctness, ["DL3022"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`COPY --from` (after ARG values are filled in) that refers to a stage defined further down the file, by name or number, or to a bare name that is no stage at all and carries no tag, registry or digest, so it is either a misspelt stage or an untagged image. Image references with a tag, a registry path or a digest (`nginx:1.27`, `ghcr.io/org/tool`) and references through unset variables are not reported; a number past the last stage, or the stage itself, is a build error reported by STG000.",
        WhyItMatters: "Stages are read top to bottom: copying from one defined later hides the real build order. A bare name that matches no stage is pulled from Docker Hub as `name:latest`, so a typo in a stage name (`--from=bulid`) quietly copies from some public image, or fails only at build time.",
        Bad: "FROM node:20-slim AS app\nCOPY --from=build /src/dist /app\nFROM node:20 AS build\nRUN npm run build",
        Good: "FROM node:20 AS build\nRUN npm run build\nFROM node:20-slim AS app\nCOPY --from=build /src/dist /app",
        FixSafety: "No automatic fix: moving stages, or choosing the image tag, is the author's call.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var reference in stage.References)
            {
                if (reference.Instruction is not CopyInstructionSyntax)
                    continue;
                if (reference.Stage is { } target)
                {
                    if (target.Index > stage.Index)
                        context.Report(reference.Span,
                            $"`--from={reference.Value}` refers to stage {target.DisplayName} on line {target.From.StartLine}, defined after this one: move that stage above it", stage);
                    continue;
                }
                if (reference.Kind != StageReferenceKind.Image || reference.Value.Length == 0 || reference.Value.AsSpan().IndexOfAny(":/@$") >= 0)
                    continue;
                var names = context.Model.Stages.Where(s => s.Index < stage.Index && s.Name is not null).Select(s => s.Name!);
                var hint = Spelling.Closest(reference.Value, names) is { } close ? $"did you mean stage `{close}`? If" : "if";
                context.Report(reference.Span,
                    $"`--from={reference.Value}` names no stage defined before it: {hint} it is an image, give it a tag (`{reference.Value}:<version>`)", stage);
            }
        }
    }
}
