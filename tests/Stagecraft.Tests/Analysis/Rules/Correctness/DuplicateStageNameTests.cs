using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class DuplicateStageNameTests
{
    [Fact]
    public void Names_the_first_stage_of_that_name()
    {
        var finding = Assert.Single(RuleAssert.Lint(new DuplicateStageName(), "FROM debian:12 AS builder\nRUN true\nFROM golang:1.22 AS Builder\n"));
        Assert.Equal("stage name `builder` is already used by stage 0 (line 1); BuildKit then takes the last stage of a name for `--from` and `--target`: give each stage its own name",
            finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DuplicateStageName", "DL3024"], finding.Aliases);
        Assert.Equal("builder", finding.Stage);
    }
}
