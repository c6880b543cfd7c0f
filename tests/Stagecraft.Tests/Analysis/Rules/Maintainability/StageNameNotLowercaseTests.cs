using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class StageNameNotLowercaseTests
{
    private static readonly StageNameNotLowercase Rule = new();

    [Fact]
    public void Names_the_lower_case_spelling_and_fixes_it()
    {
        const string text = "FROM golang:1.22 AS Builder\nFROM scratch\nCOPY --from=Builder /app /app\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("stage name `Builder` has capitals; BuildKit reads it as `builder`: write it that way", finding.Message);
        Assert.Equal(Severity.Style, finding.Severity);
        Assert.Equal(["StageNameCasing"], finding.Aliases);
        Assert.Equal("FROM golang:1.22 AS builder\nFROM scratch\nCOPY --from=builder /app /app\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Copies_from_the_stage_are_respelt_but_other_stages_and_images_are_not()
    {
        const string text = "FROM golang:1.22 AS Builder\nFROM alpine AS Other\nFROM scratch\nCOPY --from=BUILDER /a /a\nCOPY --from=builder /b /b\nCOPY --from=nginx:1 /c /c\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text), f => f.Message.Contains("`Builder`"));
        Assert.Equal("FROM golang:1.22 AS builder\nFROM alpine AS Other\nFROM scratch\nCOPY --from=builder /a /a\nCOPY --from=builder /b /b\nCOPY --from=nginx:1 /c /c\n",
            FixApplierForTests.ApplyAndRecheck(Rule, text, finding, remainingFindings: 1));
    }
}
