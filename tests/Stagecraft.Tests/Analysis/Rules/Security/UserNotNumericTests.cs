using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Security;

namespace Stagecraft.Tests.Analysis.Rules.Security;

public class UserNotNumericTests
{
    [Fact]
    public void Only_the_user_the_image_runs_as_counts()
    {
        var finding = Assert.Single(RuleAssert.Marked(new UserNotNumeric(), "FROM node:20\nUSER node\nRUN npm ci\nUSER [|app:app|]\n"));
        Assert.Equal("USER `app` is a name, which Kubernetes' runAsNonRoot and the host cannot check: use its numeric UID", finding.Message);
        Assert.Equal(["DL3066"], finding.Aliases);
        Assert.Equal(Severity.Info, finding.Severity);
    }
}
