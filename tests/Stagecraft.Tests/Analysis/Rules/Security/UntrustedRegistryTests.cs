using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Tests.Analysis.Rules.Security;

public class UntrustedRegistryTests
{
    private static readonly UntrustedRegistry Rule = new();

    private static LintConfiguration Trusting(params string[] registries) => new() { TrustedRegistries = registries };

    [Fact]
    public void Message_names_the_registry_and_the_trusted_list()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM [|ghcr.io/org/app:1.0|]\n", configuration: Trusting("docker.io", "*.example.com")));
        Assert.Equal("`ghcr.io/org/app:1.0` comes from ghcr.io, which is not a trusted registry (docker.io, *.example.com)", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DL3026"], finding.Aliases);
        var hub = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\n", configuration: Trusting("ghcr.io")));
        Assert.Equal("`node:20-slim` comes from docker.io, which is not a trusted registry (ghcr.io)", hub.Message);
    }

    [Fact]
    public void Off_while_no_registry_is_listed() => RuleAssert.Quiet(Rule, "FROM ghcr.io/org/app:1.0\n");

    [Theory]
    [InlineData("*", "anything.io", true)]
    [InlineData("*.gcr.io", "eu.gcr.io", true)]
    [InlineData("*.gcr.io", "gcr.io", false)]
    [InlineData("registry.example.*", "registry.example.com", true)]
    [InlineData("registry.example.*", "other.example.com", false)]
    [InlineData("Docker.IO", "docker.io", true)]
    [InlineData("docker.io", "docker.io.evil.com", false)]
    public void Patterns_work_as_in_hadolint(string pattern, string registry, bool matches) =>
        Assert.Equal(matches, UntrustedRegistry.Matches(pattern, registry));
}
