using Stagecraft.Inputs;

namespace Stagecraft.Tests.Inputs;

/// <summary>The glob language shared by lint arguments, .gitignore and configuration <c>paths</c>.</summary>
public class PathGlobTests
{
    [Theory]
    [InlineData("Dockerfile", "Dockerfile", true)]
    [InlineData("Dockerfile", "dockerfile", false)]
    [InlineData("*.Dockerfile", "api.Dockerfile", true)]
    [InlineData("*.Dockerfile", "a/api.Dockerfile", false)]
    [InlineData("*/Dockerfile", "a/Dockerfile", true)]
    [InlineData("*/Dockerfile", ".devcontainer/Dockerfile", true)]
    [InlineData("**/Dockerfile", "Dockerfile", true)]
    [InlineData("**/Dockerfile", "a/b/c/Dockerfile", true)]
    [InlineData("a/**/Dockerfile", "a/Dockerfile", true)]
    [InlineData("a/**/Dockerfile", "a/x/y/Dockerfile", true)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("Dockerfile.?", "Dockerfile.1", true)]
    [InlineData("Dockerfile.?", "Dockerfile.12", false)]
    [InlineData("[a-c]pi", "bpi", true)]
    [InlineData("[!a-c]pi", "bpi", false)]
    [InlineData("[!a-c]pi", "xpi", true)]
    [InlineData("[^a-c]pi", "xpi", true)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[abc", "[abc", true)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "a", false)]
    [InlineData("*a*b*c", "xxaxxbxxc", true)]
    [InlineData("*a*b*c", "xxaxxbxxcx", false)]
    [InlineData("caf?", "café", true)]
    [InlineData("ca*é", "café", true)]
    public void Matches(string pattern, string path, bool expected) => Assert.Equal(expected, new PathGlob(pattern).Matches(path));

    [Theory]
    [InlineData("services/*/Dockerfile", "services", true)]
    [InlineData("services/*/Dockerfile", "services/api", true)]
    [InlineData("services/*/Dockerfile", "services/api/deeper", false)]
    [InlineData("services/*/Dockerfile", "other", false)]
    [InlineData("**/Dockerfile", "any/depth/at/all", true)]
    public void Prunes_folders_that_cannot_hold_a_match(string pattern, string folder, bool expected) =>
        Assert.Equal(expected, new PathGlob(pattern).CouldMatchInside(PathGlob.Split(folder)));
}
