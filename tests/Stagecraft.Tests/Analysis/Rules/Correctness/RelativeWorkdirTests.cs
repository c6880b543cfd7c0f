using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class RelativeWorkdirTests
{
    [Fact]
    public void Suggests_the_absolute_path_from_the_root()
    {
        var finding = Assert.Single(RuleAssert.Lint(new RelativeWorkdir(), "FROM node:22-slim\nWORKDIR ./app/src\n"));
        Assert.Equal("`WORKDIR ./app/src` is relative to the base image's working directory, which can change upstream: write an absolute path such as `/app/src`",
            finding.Message);
        Assert.Null(finding.Fix);
    }
}
