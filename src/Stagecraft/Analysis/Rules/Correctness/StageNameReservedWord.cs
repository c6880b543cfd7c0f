namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG273: a stage named <c>scratch</c> or <c>context</c>.</summary>
public sealed class StageNameReservedWord : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG273", "stage-name-reserved-word",
        "Stage named with a reserved word", Severity.Warning, RuleCategory.Correctness, ["DL3063"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`FROM … AS scratch` and `FROM … AS context`, in any case.",
        WhyItMatters: "`scratch` already names the empty image: with a stage of that name, `FROM scratch` later in the file no longer means what it says. `context` is how BuildKit names build contexts (`--build-context`), so the name invites confusion with them.",
        Bad: "FROM golang:1.22 AS scratch\nRUN go build -o /app .",
        Good: "FROM golang:1.22 AS build\nRUN go build -o /app .",
        FixSafety: "No automatic fix: the stage and every reference to it need the new name.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Name is "scratch" or "context" && stage.From.StageName is { } written)
            {
                context.Report(written.Span, $"`{written.Value}` is a reserved word, not a good stage name: `FROM {stage.Name}` and BuildKit's named contexts mean something else by it; rename the stage",
                    stage);
            }
        }
    }
}
