using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class CopyWholeFilesystemFromStageTests
{
    [Fact]
    public void Names_the_stage()
    {
        var finding = Assert.Single(RuleAssert.Marked(new CopyWholeFilesystemFromStage(), "FROM debian:bookworm AS build\nRUN make\nFROM debian:bookworm-slim\nCOPY --from=build [|/ /|]\n"));
        Assert.Equal("this copies the whole file system of `build` over this stage's: copy only the files the image needs", finding.Message);
        Assert.Equal(["DL3067"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }
}
