using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class DeprecatedMaintainerTests
{
    private static readonly DeprecatedMaintainer Rule = new();

    [Fact]
    public void Suggests_the_oci_authors_label_and_escapes_it()
    {
        const string text = "FROM alpine:3.20\nMAINTAINER Jane \"JD\" Doe $HOME\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("MAINTAINER is deprecated: use `LABEL org.opencontainers.image.authors=\"Jane \"JD\" Doe $HOME\"`", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, text, finding);
        Assert.Equal("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe \\$HOME\"\n", fixedText);
        var model = Stagecraft.Semantics.SemanticModel.Build(Stagecraft.Syntax.SyntaxTree.Parse(fixedText));
        var label = (Stagecraft.Syntax.LabelInstructionSyntax)model.Stages[0].Instructions[0];
        Assert.Equal("Jane \"JD\" Doe $HOME", model.Expand(label, label.Pairs[0].Value).Value);
    }

    [Fact]
    public void Answers_to_both_the_buildkit_check_and_hadolint_DL4000_as_an_error()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nMAINTAINER jane\n"));
        Assert.Equal(["MaintainerDeprecated", "DL4000"], finding.Aliases);
        Assert.Equal(Severity.Error, finding.Severity);
    }
}
