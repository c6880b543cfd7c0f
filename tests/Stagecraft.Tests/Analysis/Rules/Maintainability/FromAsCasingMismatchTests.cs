using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class FromAsCasingMismatchTests
{
    private static readonly FromAsCasingMismatch Rule = new();

    [Theory]
    [InlineData("FROM alpine as base\n", "`as` does not match the case of `FROM`: write `AS`", "FROM alpine AS base\n")]
    [InlineData("from alpine AS base\n", "`AS` does not match the case of `from`: write `as`", "from alpine as base\n")]
    public void Rewrites_as_in_the_case_of_from(string text, string message, string expected)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(message, finding.Message);
        Assert.Equal(expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }
}
