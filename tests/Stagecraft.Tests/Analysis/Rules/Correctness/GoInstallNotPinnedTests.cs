using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class GoInstallNotPinnedTests
{
    private static readonly GoInstallNotPinned Rule = new();

    [Fact]
    public void Names_the_package_and_the_pin_to_write()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM golang:1.22\nRUN go install -v [|golang.org/x/tools/gopls@latest|]\n"));
        Assert.Equal("`go install golang.org/x/tools/gopls@latest` resolves the newest version on the day of the build: pin a release, `golang.org/x/tools/gopls@v1.2.3`", finding.Message);
        Assert.Equal(["DL3062"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Only_the_package_of_go_run_counts_not_its_arguments() =>
        RuleAssert.Marked(Rule, "FROM golang:1.22\nRUN go run [|github.com/a/b/cmd/c|] github.com/not/a/package\n");
}
