using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG262: a label the configured schema asks for is not set on the image.</summary>
public sealed class SchemaLabelMissing : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG262", "schema-label-missing",
        "Label required by the label schema is missing", Severity.Info, RuleCategory.Maintainability, ["DL3049"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Each label named in the configured `label-schema` that no LABEL of the image sets: the final stage and the stages it is built FROM count, builder stages (whose labels never reach the image) and ONBUILD LABELs (set in later builds) do not. Reported on the final stage's FROM.",
        WhyItMatters: "A label schema is a team's promise about what every image carries (source repository, version, owner); scanners, registries and deploy tooling read those labels, and an image without them is hard to trace back to its code.",
        Bad: "# label-schema: {org.opencontainers.image.source: url}\nFROM alpine:3.20\nCMD [\"sh\"]",
        Good: "FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"https://github.com/example/app\"\nCMD [\"sh\"]",
        FixSafety: "No automatic fix: the value is yours to fill in.",
        Options: "Runs only when `label-schema` is set in .stagecraft.yaml (or .hadolint.yaml): every label it names is required.");

    public override void Check(RuleContext context)
    {
        var schema = context.Configuration.LabelSchema;
        if (schema.Count == 0 || context.FinalStage is not { } final)
            return;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in Labels.In(context.ImageStages, triggers: false))
        {
            if (Labels.Key(context.Model, label) is { } key)
                present.Add(key);
        }
        var from = final.From;
        var span = TextSpan.FromBounds(from.KeywordSpan.Start, Math.Max(from.KeywordSpan.End, from.ArgumentsSpan.End));
        foreach (var (name, kind) in schema)
        {
            if (!present.Contains(name))
                context.Report(span, $"the image has no `{name}` label, which the label schema requires ({kind})", final);
        }
    }
}
