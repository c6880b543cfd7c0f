using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class CopyFromUndefinedStageTests
{
    private static readonly CopyFromUndefinedStage Rule = new();

    [Fact]
    public void A_later_stage_is_named_with_its_line()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nCOPY --from=[|assets|] /a /a\nFROM alpine:3.20 AS assets\n"));
        Assert.Equal("`--from=assets` refers to stage assets on line 3, defined after this one: move that stage above it", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3022"], finding.Aliases);
    }

    [Fact]
    public void A_bare_name_near_a_stage_name_suggests_it()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=[|buidler|] /a /a\n"));
        Assert.Equal("`--from=buidler` names no stage defined before it: did you mean stage `builder`? If it is an image, give it a tag (`buidler:<version>`)", finding.Message);
        var plain = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nCOPY --from=[|busybox|] /bin/busybox /busybox\n"));
        Assert.Equal("`--from=busybox` names no stage defined before it: if it is an image, give it a tag (`busybox:<version>`)", plain.Message);
    }

    [Fact]
    public void Errors_the_build_reports_itself_are_left_to_stg000() =>
        RuleAssert.Quiet(Rule, "FROM alpine:3.20 AS a\nCOPY --from=a /x /x\nCOPY --from=7 /y /y\n");
}
