using System.Text.RegularExpressions;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG004: a stage is referred to by its position (<c>COPY --from=0</c>), or an intermediate stage has no name.</summary>
public sealed partial class StageReferencedByNumber : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG004", "stage-referenced-by-number",
        "Stage referenced by number or left unnamed", Severity.Info, RuleCategory.Maintainability);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`COPY --from=N` and `RUN --mount=from=N` that name a stage by its position, and, in a multi-stage build, stages other than the last that have no `AS` name.",
        WhyItMatters: "Stage numbers change when a stage is added or moved, silently pointing `--from=1` at a different stage. Names say what a stage is for and are what `docker build --target` and later `FROM` lines use.",
        Bad: "FROM golang:1.22\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=0 /app /app",
        Good: "FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app",
        FixSafety: "Safe: adds `AS <name>` to the stage (named after its role, `build` or `deps`, or its base image, never a name a FROM or --from already uses as an image) and rewrites every numeric reference to it. References written through variables are reported but not rewritten.");

    [GeneratedRegex(@"(?:^|,)\s*from=(?<n>[0-9]+)\s*(?:,|$)", RegexOptions.IgnoreCase)]
    private static partial Regex MountFrom();

    public override void Check(RuleContext context)
    {
        if (!context.IsMultiStage)
            return;
        var model = context.Model;
        // Most multi-stage files name their stages and refer to them by name: find out cheaply whether anything will be
        // reported before collecting the names a fix must not take.
        var numeric = new List<(StageReference Reference, TextSpan? Digits)>();
        foreach (var stage in model.Stages)
        {
            foreach (var reference in stage.References)
            {
                if (reference.Kind == StageReferenceKind.StageIndex && reference.Stage is not null)
                    numeric.Add((reference, Digits(context, reference)));
            }
        }
        if (numeric.Count == 0 && !HasUnnamedEarlierStage(context))
            return;
        var taken = new HashSet<string>(model.Stages.Where(s => s.Name is not null).Select(s => s.Name!), StringComparer.Ordinal);
        foreach (var stage in model.Stages)
        {
            taken.Add(stage.Base.Reference.ToLowerInvariant());
            if (stage.From.Image is { } image)
                taken.Add(image.Value.ToLowerInvariant());
            foreach (var reference in stage.References.Where(r => r.Kind == StageReferenceKind.Image))
                taken.Add(reference.Value.ToLowerInvariant());
        }
        var names = new Dictionary<Stage, string>();
        foreach (var stage in model.Stages)
        {
            if (NeedsName(stage))
                names[stage] = StageNames.Derive(model, stage, taken);
        }

        foreach (var (reference, digits) in numeric)
        {
            var target = reference.Stage!;
            var name = target.Name ?? names.GetValueOrDefault(target);
            var fix = name is null ? null : FixFor(context, target, name, numeric);
            var message = target.Name is null
                ? $"`--from={reference.Value}` refers to unnamed stage {target.Index} by position: name it `AS {name ?? "<name>"}` and use `--from={name ?? "<name>"}`"
                : $"`--from={reference.Value}` refers to stage `{target.Name}` by position: use `--from={target.Name}`";
            context.Report(digits ?? reference.Span, message, model.StageOf(reference.Instruction), fix);
        }
        foreach (var (stage, name) in names.Where(n => !ReferenceEquals(n.Key, model.Stages[^1]) && !ReferenceEquals(n.Key, context.FinalStage)))
        {
            context.Report(stage.From.Image!.Span,
                $"stage {stage.Index} (`{stage.Base.Reference}`) has no name: add `AS {name}` so other stages and --target can refer to it by name",
                stage, FixFor(context, stage, name, numeric));
        }
    }

    /// <summary>True when a stage that is neither the last nor the target has no name: the second kind of finding.</summary>
    private static bool HasUnnamedEarlierStage(RuleContext context)
    {
        var stages = context.Model.Stages;
        foreach (var stage in stages)
        {
            if (NeedsName(stage) && !ReferenceEquals(stage, stages[^1]) && !ReferenceEquals(stage, context.FinalStage))
                return true;
        }
        return false;
    }

    private static bool NeedsName(Stage stage) => stage.Name is null && stage.From.Image is not null && stage.From.Arguments.Count == 1;

    private static Fix FixFor(RuleContext context, Stage stage, string name, List<(StageReference Reference, TextSpan? Digits)> numeric)
    {
        var edits = new List<TextEdit>();
        if (stage.Name is null)
            edits.Add(TextEdit.Insert(stage.From.Image!.Span.End, " AS " + name));
        foreach (var (reference, digits) in numeric)
        {
            if (ReferenceEquals(reference.Stage, stage) && digits is { } span)
                edits.Add(new TextEdit(span, name));
        }
        return new Fix(stage.Name is null ? $"Name stage {stage.Index} `{name}` and refer to it by name" : $"Refer to stage `{name}` by name", FixSafety.Safe, edits);
    }

    /// <summary>Where the stage number is written, when it is written as plain digits (not through a variable).</summary>
    private static TextSpan? Digits(RuleContext context, StageReference reference)
    {
        var text = context.Tree.GetText(reference.Span);
        if (reference.Instruction is CopyInstructionSyntax)
            return text.Length > 0 && text.All(char.IsAsciiDigit) ? reference.Span : null;
        var match = MountFrom().Match(text);
        if (!match.Success)
            return null;
        var group = match.Groups["n"];
        var start = reference.Span.Start + System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, group.Index));
        return new TextSpan(start, group.Length);
    }
}
