using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class UndefinedArgInFromTests
{
    private static readonly UndefinedArgInFrom Rule = new();

    [Fact]
    public void Suggests_a_close_built_in_argument()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM --platform=$BULIDPLATFORM golang:1.22\n"));
        Assert.Equal("FROM uses `$BULIDPLATFORM`, which no ARG before the first FROM declares, so it is empty and --build-arg cannot set it (did you mean `BUILDPLATFORM`?)",
            finding.Message);
    }

    [Fact]
    public void Points_at_an_arg_declared_inside_a_stage()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nARG TAG=3.20\nFROM alpine:$TAG\n"));
        Assert.EndsWith(": the `ARG TAG` on line 2 is inside a stage; declare it above the first FROM", finding.Message);
    }

    [Fact]
    public void Otherwise_says_where_to_declare_it()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM node:${NODE_VERSION}-alpine\n"));
        Assert.EndsWith(": add `ARG NODE_VERSION=…` above the first FROM", finding.Message);
    }
}
