using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG263: with strict labels, a label the schema does not name.</summary>
public sealed class LabelNotInSchema : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG263", "label-not-in-schema",
        "Label not in the label schema", Severity.Info, RuleCategory.Maintainability, ["DL3050"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "With `strict-labels: true`, each LABEL key of the image (the final stage and the stages it is built FROM) that the configured `label-schema` does not name. Keys that depend on a variable without a value are left alone.",
        WhyItMatters: "Strict labels keep an image's metadata to the agreed set: a misspelt key (`org.opencontainers.image.sorce`) is caught instead of silently missing, and one-off labels do not pile up.",
        Bad: "# label-schema: {org.opencontainers.image.source: url}, strict-labels: true\nLABEL org.opencontainers.image.source=\"https://github.com/example/app\" build-host=ci-7",
        Good: "LABEL org.opencontainers.image.source=\"https://github.com/example/app\"",
        FixSafety: "No automatic fix: add the label to the schema or remove it.",
        Options: "Runs only when `strict-labels: true` is set in .stagecraft.yaml (or .hadolint.yaml); with no `label-schema`, every label is reported, as hadolint does.");

    public override void Check(RuleContext context)
    {
        if (!context.Configuration.StrictLabels)
            return;
        var schema = context.Configuration.LabelSchema;
        foreach (var label in Labels.In(context.ImageStages, triggers: false))
        {
            if (Labels.Key(context.Model, label) is { } key && !schema.ContainsKey(key))
                context.Report(label.Pair.KeySpan, $"label `{key}` is not in the label schema: add it there or remove it", label.Stage);
        }
    }
}
