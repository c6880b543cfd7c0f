using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class InlineIgnorePragmaTests
{
    private static readonly InlineIgnorePragma Rule = new();

    private static LintConfiguration Enabled(string code, Severity severity) =>
        new() { SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { [code] = severity } };

    [Fact]
    public void Runs_only_when_the_configuration_gives_it_a_severity()
    {
        const string text = "FROM debian:12-slim\n# hadolint ignore=DL3008, DL3015\nRUN apt-get install -y curl\n";
        RuleAssert.Quiet(Rule, text);
        var finding = Assert.Single(RuleAssert.Lint(Rule, text, configuration: Enabled("DL1001", Severity.Error)));
        Assert.Equal("inline `# hadolint ignore=DL3008,DL3015` silences findings here: list the exception in the configuration file instead", finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["DL1001"], finding.Aliases);
        Assert.Equal(2, finding.Line);
    }

    [Fact]
    public void A_hadolint_override_turns_it_on()
    {
        var file = ConfigurationFile.Parse("override:\n  warning:\n    - DL1001\n", ".hadolint.yaml", "/project");
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\n# stagecraft ignore=STG213\nRUN apk add curl\n", configuration: file.Settings));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("inline `# stagecraft ignore=STG213`", finding.Message);
    }
}
