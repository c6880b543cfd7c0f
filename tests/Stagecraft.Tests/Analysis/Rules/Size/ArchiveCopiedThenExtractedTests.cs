using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class ArchiveCopiedThenExtractedTests
{
    private static readonly ArchiveCopiedThenExtracted Rule = new();

    [Fact]
    public void Message_points_at_the_run_that_unpacks()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM debian:12-slim\nCOPY [|dist/app.tgz|] /tmp/\nRUN mkdir /opt/app\nRUN tar -xzf /tmp/app.tgz -C /opt/app\n"));
        Assert.Equal("`app.tgz` is copied here and unpacked by `tar` on line 4: `ADD` unpacks it in one step and keeps the archive out of the image", finding.Message);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(["DL3010"], finding.Aliases);
    }

    [Fact]
    public void A_decompressor_counts_once()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM debian:12-slim\nCOPY [|data.tar.xz|] /tmp/\nRUN unxz /tmp/data.tar.xz && tar -xf /tmp/data.tar -C /srv\n"));
        Assert.Contains("unpacked by `unxz` on line 3", finding.Message);
    }
}
