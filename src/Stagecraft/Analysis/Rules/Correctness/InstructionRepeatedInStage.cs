using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG110: a CMD, ENTRYPOINT or HEALTHCHECK that a later one in the same stage overrides; BuildKit's MultipleInstructionsDisallowed.</summary>
public sealed class InstructionRepeatedInStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG110", "instruction-repeated-in-stage",
        "CMD, ENTRYPOINT or HEALTHCHECK overridden later in the same stage", Severity.Warning, RuleCategory.Correctness,
        ["MultipleInstructionsDisallowed"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Each CMD, ENTRYPOINT and HEALTHCHECK that is followed by another of the same kind in the same stage; the finding is on the one that has no effect. Stages built FROM another stage may override their parent's, and ONBUILD triggers belong to later builds, so neither counts. BuildKit's `MultipleInstructionsDisallowed` check.",
        WhyItMatters: "An image has one CMD, one ENTRYPOINT and one HEALTHCHECK: only the last of each in a stage takes effect. An earlier one is dead code that readers take for the command the container runs.",
        Bad: "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\nCOPY . /app\nCMD [\"gunicorn\", \"app:app\"]",
        Good: "FROM python:3.12-slim\nCOPY . /app\nCMD [\"gunicorn\", \"app:app\"]",
        FixSafety: "Safe: deletes the overridden instruction, which changes nothing in the image (a later ENTRYPOINT still resets the CMD, as before).");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var last = new Dictionary<InstructionKind, InstructionSyntax>();
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Healthcheck))
                    continue;
                if (last.TryGetValue(instruction.Kind, out var earlier))
                {
                    var keyword = instruction.Keyword.ToUpperInvariant();
                    context.Report(TextSpan.FromBounds(earlier.KeywordSpan.Start, Math.Max(earlier.KeywordSpan.End, earlier.ArgumentsSpan.End)),
                        $"this {keyword} has no effect: the {keyword} on line {instruction.StartLine} replaces it (an image keeps only the last one); remove this one",
                        stage, new Fix($"Remove the overridden {keyword}", FixSafety.Safe, [TextEdit.Delete(earlier.Span)]));
                }
                last[instruction.Kind] = instruction;
            }
        }
    }
}
