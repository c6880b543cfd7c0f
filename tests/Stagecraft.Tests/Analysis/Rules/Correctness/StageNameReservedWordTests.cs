using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class StageNameReservedWordTests
{
    [Fact]
    public void Names_the_stage_as_written()
    {
        var finding = Assert.Single(RuleAssert.Marked(new StageNameReservedWord(), "FROM alpine:3.20 AS [|Scratch|]\n"));
        Assert.Equal("`Scratch` is a reserved word, not a good stage name: `FROM scratch` and BuildKit's named contexts mean something else by it; rename the stage", finding.Message);
        Assert.Equal(["DL3063"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }
}
