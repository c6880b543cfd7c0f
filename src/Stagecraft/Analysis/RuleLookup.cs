namespace Stagecraft.Analysis;

/// <summary>
/// Finds rules by what users type in options, configuration and <c>explain</c>: an id (<c>STG001</c>), an alias
/// (<c>DL3008</c>) or a name (<c>apt-lists-not-cleaned</c>), in any case. A retired rule's id or name
/// (<see cref="RetiredRules"/>) reads as the code its findings carry now.
/// </summary>
public static class RuleLookup
{
    /// <summary>The rule <paramref name="code"/> names, or null.</summary>
    public static Rule? Find(string code, IReadOnlyList<Rule>? rules = null)
    {
        code = RetiredRules.Current(code);
        return (rules ?? RuleCatalog.All).FirstOrDefault(r => r.Descriptor.Answers(code) || r.Descriptor.Name.Equals(code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The spelling to store for <paramref name="code"/>: the rule's id for an id or a name, the alias as declared for an
    /// alias (ignoring an alias drops only the findings it applies to), and that alias for a retired rule. Null when no
    /// rule answers to it.
    /// </summary>
    public static string? Canonical(string code, IReadOnlyList<Rule>? rules = null)
    {
        code = RetiredRules.Current(code);
        var rule = Find(code, rules);
        if (rule is null)
            return null;
        return rule.Descriptor.Aliases.FirstOrDefault(a => a.Equals(code, StringComparison.OrdinalIgnoreCase))
            ?? (rule.Descriptor.IsFamilyAlias(code) ? code.Trim().ToUpperInvariant() : rule.Descriptor.Id);
    }

    /// <summary><c>unknown rule 'X'</c>, with the closest id, alias or name when one is near.</summary>
    public static string UnknownMessage(string code, IReadOnlyList<Rule>? rules = null)
    {
        var candidates = (rules ?? RuleCatalog.All).SelectMany(r => r.Descriptor.Aliases.Prepend(r.Descriptor.Name).Prepend(r.Descriptor.Id));
        var closest = Spelling.Closest(code, candidates);
        return closest is null ? $"unknown rule '{code}'" : $"unknown rule '{code}' (did you mean '{closest}'?)";
    }
}
