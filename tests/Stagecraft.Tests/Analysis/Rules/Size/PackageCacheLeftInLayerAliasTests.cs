using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

/// <summary>Which hadolint code a STG003 finding carries, and at what severity (hadolint's own for that check).</summary>
public class PackageCacheLeftInLayerAliasTests
{
    private static readonly PackageCacheLeftInLayer Rule = new();

    [Theory]
    [InlineData("RUN yum install -y httpd", "DL3032", Severity.Warning)]
    [InlineData("RUN dnf upgrade -y", "DL3040", Severity.Warning)]
    [InlineData("RUN microdnf install -y jq", "DL3040", Severity.Warning)]
    [InlineData("RUN zypper -n in curl", "DL3036", Severity.Warning)]
    [InlineData("RUN pip install flask", "DL3042", Severity.Warning)]
    [InlineData("RUN yarn install --frozen-lockfile", "DL3060", Severity.Info)]
    public void Installs_carry_their_hadolint_code(string run, string alias, Severity severity)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, $"FROM fedora:40\n{run}\n"));
        Assert.Equal([alias], finding.Aliases);
        Assert.Equal(severity, finding.Severity);
    }

    [Theory]
    [InlineData("RUN yum update -y")]
    [InlineData("RUN zypper -n update")]
    [InlineData("RUN yarn")]
    public void What_hadolint_does_not_check_carries_no_code(string run) =>
        Assert.Empty(Assert.Single(RuleAssert.Lint(Rule, $"FROM fedora:40\n{run}\n")).Aliases);
}
