using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class InvalidLabelKeyTests
{
    private static readonly InvalidLabelKey Rule = new();

    [Theory]
    [InlineData("Maintainer", "label key `Maintainer` has upper-case letters: label keys are lower-case by convention, and tools match them exactly")]
    [InlineData("io.docker.x", "label key `io.docker.x` is in the `io.docker.` namespace Docker reserves: use your own reverse-DNS prefix")]
    [InlineData("a:b", "label key `a:b` has `:`: use only a-z, 0-9, `.`, `-`, `_` and `/`")]
    [InlineData("_a", "label key `_a` should start with a lower-case letter")]
    [InlineData("a-", "label key `a-` should end with a lower-case letter or a digit")]
    [InlineData("a--b", "label key `a--b` repeats `.` or `-`: separate the parts of a key with a single one")]
    public void Says_what_is_wrong(string key, string message)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, $"FROM alpine:3.20\nLABEL {key}=1\n"));
        Assert.Equal(message, finding.Message);
        Assert.Equal(["DL3048"], finding.Aliases);
        Assert.Equal(Severity.Style, finding.Severity);
    }
}
