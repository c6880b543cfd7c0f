using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class DescriptionCommentMismatchTests
{
    private static readonly DescriptionCommentMismatch Rule = new();

    [Fact]
    public void Is_off_by_default_and_runs_when_enabled_by_configuration()
    {
        const string text = "# compile the binary\nFROM golang:1.22 AS build\n";
        Assert.False(DescriptionCommentMismatch.Id.EnabledByDefault);
        Assert.Empty(RuleAssert.Lint(Rule, text));
        var enabled = LintConfiguration.Default with { Enabled = new HashSet<string>(["STG119"], StringComparer.OrdinalIgnoreCase) };
        var finding = Assert.Single(RuleAssert.Lint(Rule, text, configuration: enabled));
        Assert.Equal("this comment sits right above stage `build`, so BuildKit takes it as its description: start it with `# build …`, or leave a blank line below it",
            finding.Message);
    }

    [Fact]
    public void An_arg_with_several_names_accepts_any()
    {
        const string text = "# check=experimental=InvalidDefinitionDescription\n# A and B\nARG A=1 B=2\n# some args\nARG C=1 D=2\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("this comment sits right above `ARG C …`, so BuildKit takes it as its description: start it with one of its names first (`# C …`), or leave a blank line below it",
            finding.Message);
    }
}
