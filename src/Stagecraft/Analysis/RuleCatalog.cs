using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Analysis;

/// <summary>Every rule Stagecraft has, in id order. Adding a rule adds one line here (explicit, so Native AOT needs no reflection).</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } = Sorted(
    [
        new DockerfileSyntaxError(),
    ]);

    /// <summary>Finds a rule by id or alias (case-insensitive).</summary>
    public static Rule? Find(string idOrAlias) => All.FirstOrDefault(r => r.Descriptor.Answers(idOrAlias));

    private static IReadOnlyList<Rule> Sorted(Rule[] rules)
    {
        Array.Sort(rules, (a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return rules;
    }
}
