using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class PipPackageNotPinnedTests
{
    private static readonly PipPackageNotPinned Rule = new();

    [Fact]
    public void Message_names_the_packages_and_the_remedies()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM python:3.12-slim\nRUN pip install --no-cache-dir [|flask gunicorn|]\n"));
        Assert.Equal("`pip install` takes `flask` and `gunicorn` at whatever version the index has that day: pin versions (`flask==<version>`) or install from a requirements file", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3013"], finding.Aliases);
    }

    [Theory]
    [InlineData("git+https://github.com/org/repo.git")]
    [InlineData("git+ssh://git@github.com/org/repo.git")]
    [InlineData("requests[socks]")]
    public void Unpinned_forms(string package) =>
        Assert.Single(RuleAssert.Lint(Rule, $"FROM python:3.12-slim\nRUN pip install {package}\n"));

    [Theory]
    [InlineData("git+ssh://git@github.com/org/repo.git@v1.0")]
    [InlineData("'requests[socks]==2.32.3'")]
    [InlineData("./wheels/app-1.0-py3-none-any.whl")]
    [InlineData("urllib3!=2.0.0")]
    public void Pinned_forms(string package) =>
        RuleAssert.Quiet(Rule, $"FROM python:3.12-slim\nRUN pip install {package}\n");
}
