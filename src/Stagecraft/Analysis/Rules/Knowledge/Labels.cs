using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>One <c>key=value</c> of a LABEL (or an ONBUILD LABEL), with its stage.</summary>
internal readonly record struct LabelPair(Stage Stage, LabelInstructionSyntax Label, KeyValueSyntax Pair);

/// <summary>The labels a Dockerfile sets, and their keys and values as BuildKit will write them.</summary>
internal static class Labels
{
    /// <summary>Every LABEL pair, stage by stage in file order; with <paramref name="triggers"/>, ONBUILD LABELs too.</summary>
    public static IEnumerable<LabelPair> In(IEnumerable<Stage> stages, bool triggers)
    {
        foreach (var stage in stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                var label = instruction as LabelInstructionSyntax
                    ?? (triggers && instruction is OnbuildInstructionSyntax { Trigger: LabelInstructionSyntax trigger } ? trigger : null);
                if (label is null)
                    continue;
                foreach (var pair in label.Pairs)
                    yield return new LabelPair(stage, label, pair);
            }
        }
    }

    /// <summary>The key with quotes removed and ARG/ENV values filled in; null when a variable in it has no value.</summary>
    public static string? Key(SemanticModel model, LabelPair label) => Resolve(model, label.Label, label.Pair.Key, literalOnly: false);

    /// <summary>
    /// The value with quotes removed, when it is written out in full; null when it names a variable. Such values are
    /// usually filled in by <c>--build-arg</c> (a build date, a commit), so the file cannot tell what they will be.
    /// </summary>
    public static string? LiteralValue(SemanticModel model, LabelPair label) => Resolve(model, label.Label, label.Pair.Value, literalOnly: true);

    /// <summary>
    /// The labels the configured schema gives <paramref name="kind"/> (<c>url</c>, <c>semver</c>, …), with their key and a
    /// value that is written out and not empty (emptiness is STG264's; values from variables cannot be judged). Nothing
    /// without a schema.
    /// </summary>
    public static IEnumerable<(LabelPair Label, string Key, string Value)> OfKind(RuleContext context, string kind)
    {
        var schema = context.Configuration.LabelSchema;
        if (schema.Count == 0 || !schema.Values.Contains(kind))
            yield break;
        foreach (var label in In(context.Model.Stages, triggers: true))
        {
            if (Key(context.Model, label) is { } key && schema.TryGetValue(key, out var expected) && expected == kind
                && LiteralValue(context.Model, label) is { Length: > 0 } value)
                yield return (label, key, value);
        }
    }

    /// <summary>The text for a rule's Options section: the schema setting that turns it on.</summary>
    public static string SchemaOption(string kind) =>
        $"Runs only for labels that `label-schema` in .stagecraft.yaml (or .hadolint.yaml) gives the kind `{kind}`, e.g. `label-schema: {{org.opencontainers.image.source: url}}`; without a schema it reports nothing.";

    private static string? Resolve(SemanticModel model, InstructionSyntax at, string word, bool literalOnly)
    {
        if (word.Length == 0)
            return word;
        if (word.IndexOfAny(['"', '\'', '\\', '$']) < 0)
            return word;
        var expanded = model.Expand(at, word);
        if (!expanded.Succeeded || expanded.Unmatched.Count > 0 || (literalOnly && expanded.Matched.Count > 0))
            return null;
        return expanded.Value;
    }
}
