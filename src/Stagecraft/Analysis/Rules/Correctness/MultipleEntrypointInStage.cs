using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG281: a stage with more than one ENTRYPOINT, where only the last counts.</summary>
public sealed class MultipleEntrypointInStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG281", "multiple-entrypoint-in-stage",
        "More than one ENTRYPOINT in a stage", Severity.Error, RuleCategory.Correctness, ["DL4004"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Each ENTRYPOINT after the first in the same stage; the finding is on the later ENTRYPOINT, the one that wins. ONBUILD ENTRYPOINTs belong to later builds and do not count.",
        WhyItMatters: "An image has one entrypoint: every ENTRYPOINT replaces the one before, so the earlier ones do nothing, and a wrapper script meant to run first (an `entrypoint.sh` that then starts the app) silently never runs.",
        Bad: "ENTRYPOINT [\"/docker-entrypoint.sh\"]\nENTRYPOINT [\"python\", \"app.py\"]",
        Good: "ENTRYPOINT [\"/docker-entrypoint.sh\"]\nCMD [\"python\", \"app.py\"]",
        FixSafety: "Safe: deletes the earlier ENTRYPOINT, which has no effect on the image.");

    public override void Check(RuleContext context) => OverriddenInstructions.Report<EntrypointInstructionSyntax>(context, "ENTRYPOINT");
}
