namespace Stagecraft.Fixing.MultiStage;

/// <summary>.NET: the folder <c>dotnet publish -o</c> wrote, on the ASP.NET Core runtime image of the SDK's version.</summary>
internal sealed class DotnetRecipe : StackRecipe
{
    private const string Sdk = "mcr.microsoft.com/dotnet/sdk";

    public override string Ecosystem => "dotnet";

    public override RecipeResult Plan(BuildFacts facts)
    {
        var command = facts.Command;
        if (command.PositionalArguments.FirstOrDefault()?.Value != "publish")
            return RecipeResult.Refuse("`dotnet build` output is not a self-contained folder to copy; the file should run `dotnet publish -o DIR`");
        if (command.GetOptionValue("-o", "--output") is not { } output || output.Contains('$'))
            return RecipeResult.Refuse("`dotnet publish` without -o writes under bin/, whose path depends on the project");
        if (facts.BaseImage is not { } image || image.FullRepository != Sdk || image.Digest is not null)
            return RecipeResult.Refuse($"the build runs on {facts.Stage.Base.Reference}, not {Sdk}, so no runtime image can be matched");
        var folder = facts.ResolveAtBuild(output);
        // The ASP.NET Core image also runs console apps; the plain runtime image would break a web app.
        return new RuntimePlan($"mcr.microsoft.com/dotnet/aspnet:{image.EffectiveTag}", [new StageCopy(folder, folder)], "the published app")
        {
            PackageManager = SmallerVariant.PackageManagerOf(image.EffectiveTag),
        };
    }
}
