namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG104: a stage named <c>scratch</c> or <c>context</c>; BuildKit's ReservedStageName.</summary>
public sealed class ReservedStageName : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG104", "reserved-stage-name",
        "Stage named `scratch` or `context`", Severity.Warning, RuleCategory.Correctness, ["ReservedStageName", "DL3063"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`FROM … AS scratch` and `FROM … AS context` (in any case). BuildKit's `ReservedStageName` check and hadolint's DL3063.",
        WhyItMatters: "`scratch` names the empty image: after `AS scratch`, a later `FROM scratch` silently builds on that stage instead. `context` is the name BuildKit gives the build context in named contexts (`--build-context`), so a stage of that name is ambiguous to readers and tools.",
        Bad: "FROM alpine:3.20 AS scratch\nRUN echo hi > /hi\nFROM scratch\nCOPY --from=scratch /hi /hi",
        Good: "FROM alpine:3.20 AS greet\nRUN echo hi > /hi\nFROM scratch\nCOPY --from=greet /hi /hi",
        FixSafety: "No automatic fix: the stage and its references need a new name.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.StageName is not { } written)
                continue;
            var message = stage.Name switch
            {
                "scratch" => "`scratch` names the empty image; as a stage name it makes a later `FROM scratch` build on this stage instead: choose another name",
                "context" => "`context` is reserved by BuildKit for the build context: choose another stage name",
                _ => null,
            };
            if (message is not null)
                context.Report(written.Span, message, stage);
        }
    }
}
