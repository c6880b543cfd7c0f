using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class NpmPackageNotPinnedTests
{
    private static readonly NpmPackageNotPinned Rule = new();

    [Fact]
    public void Message_uses_the_subcommand_as_written()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM node:20-slim\nRUN npm i -g [|@angular/cli|]\n"));
        Assert.Equal("`npm i` takes `@angular/cli` at whatever version was published last: pin versions (`@angular/cli@<version>`)", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3016"], finding.Aliases);
    }

    [Theory]
    [InlineData("github:org/repo")]
    [InlineData("git+https://github.com/org/repo.git")]
    [InlineData("https://example.com/pkg")]
    public void Unversioned_git_and_url_sources_are_unpinned(string package) =>
        Assert.Single(RuleAssert.Lint(Rule, $"FROM node:20-slim\nRUN npm install {package}\n"));
}
