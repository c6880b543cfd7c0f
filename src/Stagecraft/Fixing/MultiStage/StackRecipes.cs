namespace Stagecraft.Fixing.MultiStage;

/// <summary>The stacks the multi-stage rewrite knows, by the ecosystem of the build command.</summary>
internal static class StackRecipes
{
    private static readonly StackRecipe[] All =
    [
        new GoRecipe(), new NodeRecipe(), new PythonRecipe(), new RustRecipe(), new JavaRecipe(), new DotnetRecipe(),
    ];

    public static StackRecipe? For(string ecosystem) => All.FirstOrDefault(r => r.Ecosystem == ecosystem);
}
