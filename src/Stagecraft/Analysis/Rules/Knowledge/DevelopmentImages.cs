namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Images built for development or CI rather than production, where dev dependencies and build tools are the point:
/// a final stage named for it (dev, development, dev-envs, test, debug, ci, lint, validate) or a Dockerfile under .devcontainer.
/// </summary>
internal static class DevelopmentImages
{
    private static readonly string[] StageWords = ["dev", "devel", "development", "devenv", "devcontainer", "test", "tests", "testing", "debug", "ci", "lint", "validate"];

    public static bool IsDevelopmentImage(RuleContext context) =>
        (context.FinalStage?.Name is { } name && HasStageWord(name))
        || (context.BuildContext.DockerfilePath is { } path && path.Replace('\\', '/').Contains("/.devcontainer/", StringComparison.Ordinal));

    /// <summary>True when a part of the stage name between <c>-</c>, <c>_</c> and <c>.</c> is one of <see cref="StageWords"/>.</summary>
    // Asked by two rules for every multi-stage file: the parts are compared in place rather than split out.
    private static bool HasStageWord(string name)
    {
        var rest = name.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny("-_.");
            var part = end < 0 ? rest : rest[..end];
            foreach (var word in StageWords)
            {
                if (part.SequenceEqual(word))
                    return true;
            }
            if (end < 0)
                return false;
            rest = rest[(end + 1)..];
        }
    }

}
