using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG264: a label the schema names is set to an empty value.</summary>
public sealed class SchemaLabelEmpty : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG264", "schema-label-empty",
        "Label required by the label schema is empty", Severity.Warning, RuleCategory.Maintainability, ["DL3051"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) that sets a label named in the configured `label-schema` to an empty value (`LABEL version=\"\"`). A value that comes from a variable is left alone: the build usually fills it in.",
        WhyItMatters: "An empty label passes a check for its presence but tells nothing: the schema asked for a value.",
        Bad: "# label-schema: {org.opencontainers.image.version: semver}\nLABEL org.opencontainers.image.version=\"\"",
        Good: "ARG VERSION\nLABEL org.opencontainers.image.version=$VERSION",
        FixSafety: "No automatic fix: the value is yours to fill in.",
        Options: "Runs only for labels named in `label-schema` in .stagecraft.yaml (or .hadolint.yaml).");

    public override void Check(RuleContext context)
    {
        var schema = context.Configuration.LabelSchema;
        if (schema.Count == 0)
            return;
        foreach (var label in Labels.In(context.Model.Stages, triggers: true))
        {
            if (Labels.Key(context.Model, label) is { } key && schema.ContainsKey(key) && Labels.LiteralValue(context.Model, label) is { Length: 0 })
                context.Report(label.Pair.Span, $"label `{key}` is empty, but the label schema expects a value", label.Stage);
        }
    }
}
