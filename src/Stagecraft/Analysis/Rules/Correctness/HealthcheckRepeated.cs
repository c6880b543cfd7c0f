using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG208: a stage has more than one HEALTHCHECK; only the last one counts.</summary>
public sealed class HealthcheckRepeated : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG208", "healthcheck-repeated",
        "More than one HEALTHCHECK in a stage", Severity.Error, RuleCategory.Correctness, ["DL3012"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Every HEALTHCHECK of a stage after its first (`HEALTHCHECK NONE` included). ONBUILD triggers are not counted: they belong to later builds.",
        WhyItMatters: "An image has one health check: each HEALTHCHECK replaces the one before, so all but the last are dead text that readers take for a check that runs. Two in one stage usually mean a merge or copy-paste left an old one behind, and it is easy to edit the wrong one.",
        Bad: "FROM nginx:1.27-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost/\nHEALTHCHECK --interval=10s CMD wget -q --spider http://localhost/healthz",
        Good: "FROM nginx:1.27-alpine\nHEALTHCHECK --interval=10s CMD wget -q --spider http://localhost/healthz",
        FixSafety: "No automatic fix: which of the checks is the intended one is for the author to say.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            HealthcheckInstructionSyntax? first = null;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is not HealthcheckInstructionSyntax healthcheck)
                    continue;
                if (first is null)
                {
                    first = healthcheck;
                    continue;
                }
                context.Report(TextSpan.FromBounds(healthcheck.KeywordSpan.Start, healthcheck.ArgumentsSpan.End),
                    $"this stage already has a HEALTHCHECK on line {first.StartLine}, and only the last one takes effect: keep one", stage);
            }
        }
    }
}
