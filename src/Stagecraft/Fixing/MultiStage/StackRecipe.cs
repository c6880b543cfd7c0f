namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// What one stack contributes to the multi-stage rewrite: from the facts of a single-stage build, the runtime base and
/// the paths that run. One small class per stack; add new stacks to <see cref="StackRecipes"/>.
/// </summary>
internal abstract class StackRecipe
{
    /// <summary>The ecosystem name the build command was recognised as (<c>go</c>, <c>node</c>, …).</summary>
    public abstract string Ecosystem { get; }

    /// <summary>The runtime plan, or a refusal reason when the build is too unusual to rewrite safely.</summary>
    public abstract RecipeResult Plan(BuildFacts facts);
}

/// <summary>A recipe's answer: a plan, or why there is none.</summary>
internal readonly record struct RecipeResult(RuntimePlan? Plan, string? Refusal)
{
    public static implicit operator RecipeResult(RuntimePlan plan) => new(plan, null);

    public static RecipeResult Refuse(string reason) => new(null, reason);
}
