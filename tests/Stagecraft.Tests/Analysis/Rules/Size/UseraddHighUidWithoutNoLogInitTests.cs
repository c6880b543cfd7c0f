using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class UseraddHighUidWithoutNoLogInitTests
{
    private static readonly UseraddHighUidWithoutNoLogInit Rule = new();

    [Fact]
    public void Names_the_uid_and_adds_l()
    {
        var text = "FROM debian:bookworm-slim\nARG UID=1000000\nRUN [|useradd -m -u $UID app|]\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`useradd -u 1000000` without -l writes a lastlog file as large as the UID into the layer: use `useradd -l`", finding.Message);
        Assert.Equal(["DL3046"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM debian:bookworm-slim\nARG UID=1000000\nRUN useradd -l -m -u $UID app\n", FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, finding));
    }

    [Fact]
    public void Five_digits_are_small_enough() => RuleAssert.Quiet(Rule, "FROM debian:bookworm-slim\nRUN useradd -u 99999 app\n");
}
