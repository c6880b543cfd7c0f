using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG114: with the global ARGs at their defaults, a FROM that uses them names no valid image; BuildKit's InvalidDefaultArgInFrom.</summary>
public sealed class BaseImageInvalidWithDefaultArgs : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG114", "base-image-invalid-with-default-args",
        "FROM names no valid image unless build arguments are given", Severity.Warning, RuleCategory.Correctness, ["InvalidDefaultArgInFrom"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A FROM image written with variables that, with every ARG before the first FROM at its default, expands to an empty or malformed image reference (`busybox:` from `busybox:${TAG}` with `ARG TAG` and no default). BuildKit's `InvalidDefaultArgInFrom` check.",
        WhyItMatters: "A plain `docker build .` then fails with `invalid reference format`, and so does every tool that builds the file without knowing which --build-arg it needs (IDEs, scanners, `docker compose build`, Dependabot). A default makes the file build as written; a reference that stays valid when the ARG is empty (`busybox:stable${VARIANT}`) is fine too.",
        Bad: "ARG TAG\nFROM busybox:${TAG}",
        Good: "ARG TAG=1.36\nFROM busybox:${TAG}",
        FixSafety: "No automatic fix: the default value is for the author to choose.");

    public override void Check(RuleContext context)
    {
        var global = context.Model.GlobalScope;
        var options = SemanticModel.ExpansionOptionsFor(context.Tree);
        foreach (var stage in context.Model.Stages)
        {
            if (stage.From.Image is not { } image || !image.Value.Contains('$'))
                continue;
            var expanded = WordExpander.ExpandWord(image.Value, global, options);
            if (!expanded.Succeeded || ImageReferenceGrammar.IsValid(expanded.Value))
                continue;
            var empty = WordExpander.FindReferences(image.Value, options)
                .Select(r => r.Name)
                .Where(n => !global.TryGetValue(n, out var value) || value.Length == 0)
                .Distinct()
                .ToArray();
            var cause = empty.Length == 0 ? "" : $"; give {string.Join(" and ", empty.Select(n => $"`{n}`"))} a default (`ARG {empty[0]}=…`)";
            var result = expanded.Value.Length == 0 ? "an empty image name" : $"`{expanded.Value}`, which is not a valid image reference";
            context.Report(image.Span, $"with the ARG defaults, `{image.Value}` becomes {result}, so the file does not build without --build-arg{cause}", stage);
        }
    }
}
