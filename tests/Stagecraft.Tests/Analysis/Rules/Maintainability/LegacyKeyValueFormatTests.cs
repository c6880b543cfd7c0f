using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class LegacyKeyValueFormatTests
{
    private static readonly LegacyKeyValueFormat Rule = new();

    [Theory]
    [InlineData("ENV JAVA_HOME /opt/java", "ENV JAVA_HOME=/opt/java")]
    [InlineData("ENV JAVA_OPTS -Xmx512m -XX:+UseG1GC", "ENV JAVA_OPTS=\"-Xmx512m -XX:+UseG1GC\"")]
    [InlineData("LABEL maintainer \"Jane <jane@example.com>\"", "LABEL maintainer=\"Jane <jane@example.com>\"")]
    [InlineData("ENV PATH $PATH:/opt/bin", "ENV PATH=$PATH:/opt/bin")]
    public void Rewrites_to_key_equals_value_with_the_same_meaning(string line, string expected)
    {
        var text = "FROM alpine:3.20\n" + line + "\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal($"`{line.Split(' ')[0]} {line.Split(' ')[1]} …` uses the deprecated space-separated form: write `{expected}`", finding.Message);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, text, finding);
        Assert.Equal("FROM alpine:3.20\n" + expected + "\n", fixedText);
        var model = Stagecraft.Semantics.SemanticModel.Build(Stagecraft.Syntax.SyntaxTree.Parse(text));
        var fixedModel = Stagecraft.Semantics.SemanticModel.Build(Stagecraft.Syntax.SyntaxTree.Parse(fixedText));
        Assert.Equal(model.Stages[0].FinalScope.All().Select(v => (v.Name, v.Value)), fixedModel.Stages[0].FinalScope.All().Select(v => (v.Name, v.Value)));
    }

    [Fact]
    public void Multi_line_and_escaped_values_get_no_fix()
    {
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM alpine\nENV DEPS \\\n    curl \\\n    git\n")).Fix);
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM alpine\nENV A it's \"quoted\" here\n")).Fix);
    }
}
