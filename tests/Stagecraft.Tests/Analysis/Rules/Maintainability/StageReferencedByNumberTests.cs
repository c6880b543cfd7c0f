using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class StageReferencedByNumberTests
{
    private static readonly StageReferencedByNumber Rule = new();

    [Fact]
    public void Unnamed_stage_gets_a_name_from_its_role_and_every_numeric_reference_is_rewritten()
    {
        const string text = "FROM golang:1.22\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=0 /app /app\nRUN --mount=type=bind,from=0,source=/app,target=/x true\n";
        var findings = RuleAssert.Lint(Rule, text);
        Assert.Equal(3, findings.Count);
        var stage = findings[0];
        Assert.Equal("stage 0 (`golang:1.22`) has no name: add `AS build` so other stages and --target can refer to it by name", stage.Message);
        Assert.Equal("`--from=0` refers to unnamed stage 0 by position: name it `AS build` and use `--from=build`", findings[1].Message);
        Assert.Equal(FixSafety.Safe, stage.Fix!.Safety);
        Assert.Equal("FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM alpine:3.20\nCOPY --from=build /app /app\nRUN --mount=type=bind,from=build,source=/app,target=/x true\n",
            FixApplierForTests.ApplyAndRecheck(Rule, text, findings[2]));
    }

    [Fact]
    public void Reference_to_a_named_stage_is_rewritten_to_its_name()
    {
        const string text = "FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=0 /node_modules /app/node_modules\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`--from=0` refers to stage `deps` by position: use `--from=deps`", finding.Message);
        Assert.Equal("FROM node:20 AS deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /node_modules /app/node_modules\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Derived_names_never_take_a_name_used_as_an_image()
    {
        const string text = "FROM alpine:3.20\nRUN echo hi\nFROM alpine-stage\nCOPY --from=0 /etc/os-release /\n";
        var finding = RuleAssert.Lint(Rule, text)[0];
        Assert.Contains("add `AS stage-0`", finding.Message);
    }
}
