using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG280: a stage with more than one CMD, where only the last counts.</summary>
public sealed class MultipleCmdInStage : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG280", "multiple-cmd-in-stage",
        "More than one CMD in a stage", Severity.Warning, RuleCategory.Correctness, ["DL4003"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Each CMD after the first in the same stage; the finding is on the later CMD, the one that wins. ONBUILD CMDs belong to later builds and do not count.",
        WhyItMatters: "An image has one default command: every CMD replaces the one before, so the earlier CMDs do nothing. Often the earlier one was meant to run at build time (a RUN) or the two were meant to be one command.",
        Bad: "CMD [\"nginx\", \"-t\"]\nCMD [\"nginx\", \"-g\", \"daemon off;\"]",
        Good: "RUN [\"nginx\", \"-t\"]\nCMD [\"nginx\", \"-g\", \"daemon off;\"]",
        FixSafety: "Safe: deletes the earlier CMD, which has no effect on the image.");

    public override void Check(RuleContext context) => OverriddenInstructions.Report<CmdInstructionSyntax>(context, "CMD");
}
