namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Node: the builder prunes its development dependencies after the build, then the runtime stage (the slim variant of
/// the same node image) copies the application folder — build output, production node_modules, package.json and
/// whatever files the start script reads — to the same path.
/// </summary>
internal sealed class NodeRecipe : StackRecipe
{
    public override string Ecosystem => "node";

    public override RecipeResult Plan(BuildFacts facts)
    {
        if (SmallerVariant.Of(facts.BaseImage, "node") is not { } runtime)
            return RecipeResult.Refuse($"the build runs on {facts.Stage.Base.Reference}, not an official node image, so there is no matching slim runtime");
        var folder = facts.BuildDirectory;
        if (folder == "/")
            return RecipeResult.Refuse("the Node build runs in /, so the application folder cannot be told apart from the system");
        if (Prune(facts) is not { } prune)
            return RecipeResult.Refuse("yarn berry (.yarnrc.yml) has no command to drop development dependencies without a plugin");
        return new RuntimePlan(runtime, [new StageCopy(folder, folder)], "Node build output and production dependencies")
        {
            BuilderTail = [prune],
            PackageManager = SmallerVariant.PackageManagerOf(runtime),
        };
    }

    /// <summary>The RUN that removes development dependencies, in the package manager the file installs with.</summary>
    private static string? Prune(BuildFacts facts)
    {
        if (facts.Runs("pnpm"))
            return "RUN pnpm prune --prod";
        if (facts.Runs("yarn"))
            return facts.Context.Exists(".yarnrc.yml") ? null : "RUN yarn install --production --ignore-scripts --prefer-offline";
        // npm 7 (Node 15) added --omit; older npm only knows --production.
        var major = facts.BaseImage?.EffectiveTag.Split('-', '.')[0];
        return int.TryParse(major, out var node) && node < 16 ? "RUN npm prune --production" : "RUN npm prune --omit=dev";
    }
}
