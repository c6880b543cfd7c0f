using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class ShellReplacedWithLnTests
{
    [Fact]
    public void Points_to_shell()
    {
        var finding = Assert.Single(RuleAssert.Marked(new ShellReplacedWithLn(), "FROM debian:bookworm-slim\nRUN [|ln -sf /bin/bash /bin/sh|]\n"));
        Assert.Equal("`ln` over /bin/sh changes the shell of the whole image: to change the shell of RUN, use SHELL [\"/bin/bash\", \"-c\"]", finding.Message);
        Assert.Equal(["DL4005"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }
}
