using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class InconsistentInstructionCasingTests
{
    private static readonly InconsistentInstructionCasing Rule = new();

    [Fact]
    public void Minority_and_mixed_case_keywords_are_rewritten_in_the_majority_case()
    {
        const string text = "FROM alpine:3.20\nrun echo hi\nCopy a /a\nCMD [\"sh\"]\n";
        var findings = RuleAssert.Lint(Rule, text);
        Assert.Equal(2, findings.Count);
        Assert.Equal("`run` is in lower case while most instructions in this file are in upper case: write `RUN`", findings[0].Message);
        Assert.Equal("`Copy` mixes upper and lower case: write `COPY` like most instructions in this file", findings[1].Message);
        Assert.Equal("FROM alpine:3.20\nRUN echo hi\nCOPY a /a\nCMD [\"sh\"]\n", FixApplierForTests.ApplyAll(text, findings));
    }

    [Fact]
    public void A_tie_counts_as_upper_case_as_in_buildkit()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nrun echo hi\n"));
        Assert.Contains("write `RUN`", finding.Message);
    }
}
