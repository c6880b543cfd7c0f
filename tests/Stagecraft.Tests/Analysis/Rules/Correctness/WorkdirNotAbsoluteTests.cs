using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class WorkdirNotAbsoluteTests
{
    private static readonly WorkdirNotAbsolute Rule = new();

    [Fact]
    public void Fix_is_safe_when_an_earlier_workdir_fixes_the_directory()
    {
        const string text = "FROM node:20-slim\nWORKDIR /srv\nWORKDIR app\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`WORKDIR app` is relative, so it depends on the WORKDIR before it (possibly the base image's): write an absolute path", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DL3000"], finding.Aliases);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM node:20-slim\nWORKDIR /srv\nWORKDIR /srv/app\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Fix_is_unsafe_when_the_base_image_decides()
    {
        const string text = "FROM node:20-slim AS base\nFROM base\nWORKDIR ./app\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("FROM node:20-slim AS base\nFROM base\nWORKDIR /app\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void A_workdir_of_the_stage_built_from_counts_and_scratch_starts_at_the_root()
    {
        Assert.Equal(FixSafety.Safe, Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20 AS base\nWORKDIR /opt\nFROM base\nWORKDIR tool\n")).Fix!.Safety);
        Assert.Equal(FixSafety.Safe, Assert.Single(RuleAssert.Lint(Rule, "FROM scratch\nWORKDIR app\n")).Fix!.Safety);
    }

    [Fact]
    public void Variables_and_triggers_get_no_fix()
    {
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nARG D=app\nWORKDIR $D\n")).Fix);
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nONBUILD WORKDIR app\n")).Fix);
    }
}
