using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ReservedStageNameTests
{
    [Fact]
    public void Explains_what_each_reserved_name_means()
    {
        var findings = RuleAssert.Lint(new ReservedStageName(), "FROM alpine AS SCRATCH\nFROM alpine AS context\n");
        Assert.Equal("`scratch` names the empty image; as a stage name it makes a later `FROM scratch` build on this stage instead: choose another name", findings[0].Message);
        Assert.Equal("`context` is reserved by BuildKit for the build context: choose another stage name", findings[1].Message);
    }
}
