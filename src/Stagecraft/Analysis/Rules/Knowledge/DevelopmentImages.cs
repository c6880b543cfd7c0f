namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Images built for development or CI rather than production, where dev dependencies and build tools are the point:
/// a final stage named for it (dev, development, dev-envs, test, debug, ci, lint, validate) or a Dockerfile under .devcontainer.
/// </summary>
internal static class DevelopmentImages
{
    private static readonly string[] StageWords = ["dev", "devel", "development", "devenv", "devcontainer", "test", "tests", "testing", "debug", "ci", "lint", "validate"];

    public static bool IsDevelopmentImage(RuleContext context) =>
        (context.FinalStage?.Name is { } name && name.Split('-', '_', '.').Any(StageWords.Contains))
        || (context.BuildContext.DockerfilePath is { } path && path.Replace('\\', '/').Contains("/.devcontainer/", StringComparison.Ordinal));

}
