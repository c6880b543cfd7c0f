using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG100: a stage name written with capitals (<c>FROM node AS Build</c>); BuildKit's StageNameCasing.</summary>
public sealed class StageNameNotLowercase : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG100", "stage-name-not-lowercase",
        "Stage name written with capitals", Severity.Style, RuleCategory.Maintainability, ["StageNameCasing"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A `FROM … AS name` whose name has upper-case letters. BuildKit's `StageNameCasing` check; instructions inside ONBUILD cannot be FROM, so only stages count.",
        WhyItMatters: "BuildKit lower-cases stage names, so `AS Build` is really `build`: `--target Build`, `--from=BUILD` and `--from=build` all find it, but `FROM Build` does not (a FROM line is matched as written and then read as an image name). Lower-case names read as what they are, names, next to upper-case instructions.",
        Bad: "FROM golang:1.22 AS Builder\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=Builder /app /app",
        Good: "FROM golang:1.22 AS builder\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /app /app",
        FixSafety: "Safe: writes the name in lower case, which is how BuildKit already reads it. `COPY --from=` references written with the same letters are rewritten too; others (mounts, `--target`) keep working, since `--from` and `--target` ignore case.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.StageName is not { } name)
                continue;
            var lower = name.Value.ToLowerInvariant();
            // A name that is invalid in any case is a build error (STG000), not a casing matter.
            if (lower == name.Value || !Stage.IsValidName(lower))
                continue;
            context.Report(name.Span, $"stage name `{name.Value}` has capitals; BuildKit reads it as `{lower}`: write it that way", stage,
                new Fix($"Write `{lower}`", FixSafety.Safe, [new TextEdit(name.Span, lower), .. References(context, stage, lower)]));
        }
    }

    /// <summary>`COPY --from=Build` written literally: rewritten too, so the file spells the stage one way.</summary>
    private static IEnumerable<TextEdit> References(RuleContext context, Stage stage, string lower) =>
        from other in context.Model.Stages
        from reference in other.References
        where ReferenceEquals(reference.Stage, stage) && reference.Instruction is CopyInstructionSyntax
            && context.Tree.GetText(reference.Span) is var written && written != lower && written.Equals(lower, StringComparison.OrdinalIgnoreCase)
        select new TextEdit(reference.Span, lower);
}
