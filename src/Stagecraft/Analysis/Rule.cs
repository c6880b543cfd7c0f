namespace Stagecraft.Analysis;

/// <summary>
/// A lint rule: a descriptor, its explanation, and a check over the semantic model. One rule per file under
/// Rules/&lt;Category&gt;/, listed in <see cref="RuleCatalog"/>. Rules report through the context; they never print.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract RuleExplanation Explanation { get; }

    /// <summary>Looks at the model and reports findings with <see cref="RuleContext.Report"/>.</summary>
    public abstract void Check(RuleContext context);
}
