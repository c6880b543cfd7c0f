using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

/// <summary>Messages, aliases and severities of the rules that check labels against the configured label schema.</summary>
public class LabelSchemaTests
{
    private static LintConfiguration Schema(string label, string kind, bool strict = false) =>
        LintConfiguration.Default with { LabelSchema = new Dictionary<string, string> { [label] = kind }, StrictLabels = strict };

    private static Finding One(Rule rule, string dockerfile, LintConfiguration configuration) =>
        Assert.Single(RuleAssert.Lint(rule, dockerfile, configuration: configuration));

    [Fact]
    public void Missing_label_is_reported_on_the_final_from()
    {
        var finding = Assert.Single(RuleAssert.Marked(new SchemaLabelMissing(), "FROM alpine:3.20 AS build\nLABEL team=x\n[|FROM alpine:3.20|]\n",
            configuration: Schema("team", "text")));
        Assert.Equal("the image has no `team` label, which the label schema requires (text)", finding.Message);
        Assert.Equal(["DL3049"], finding.Aliases);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void Label_outside_the_schema_is_reported_only_when_strict()
    {
        const string text = "FROM alpine:3.20\nLABEL team=x build=1\n";
        var finding = One(new LabelNotInSchema(), text, Schema("team", "text", strict: true));
        Assert.Equal("label `build` is not in the label schema: add it there or remove it", finding.Message);
        Assert.Equal(["DL3050"], finding.Aliases);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Empty(RuleAssert.Lint(new LabelNotInSchema(), text, configuration: Schema("team", "text")));
    }

    [Fact]
    public void Empty_schema_label()
    {
        var finding = One(new SchemaLabelEmpty(), "FROM alpine:3.20\nLABEL team=\"\"\n", Schema("team", "text"));
        Assert.Equal("label `team` is empty, but the label schema expects a value", finding.Message);
        Assert.Equal(["DL3051"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("url", "github.com/x", "DL3052", "label `l` should be a URL with a scheme (`https://…`), not `github.com/x`")]
    [InlineData("rfc3339", "yesterday", "DL3053", "label `l` should be an RFC 3339 time such as `2024-05-01T12:30:00Z`, not `yesterday`")]
    [InlineData("spdx", "\"Apache License 2.0\"", "DL3054", "label `l` should be an SPDX license expression such as `Apache-2.0` or `MIT OR Apache-2.0`; `Apache` is not one")]
    [InlineData("hash", "main", "DL3055", "label `l` should be a git commit hash (7 to 40 lower-case hex digits), not `main`")]
    [InlineData("semver", "v1.2.3", "DL3056", "label `l` should be a semantic version such as `1.4.0`, not `v1.2.3`")]
    [InlineData("email", "\"Ops team\"", "DL3058", "label `l` should be an e-mail address such as `team@example.com`, not `Ops team`")]
    public void Value_checks_name_the_value_and_carry_their_hadolint_code(string kind, string value, string alias, string message)
    {
        Rule rule = kind switch
        {
            "url" => new LabelNotUrl(),
            "rfc3339" => new LabelNotRfc3339(),
            "spdx" => new LabelNotSpdx(),
            "hash" => new LabelNotGitHash(),
            "semver" => new LabelNotSemver(),
            _ => new LabelNotEmail(),
        };
        var finding = One(rule, $"FROM alpine:3.20\nLABEL l={value}\n", Schema("l", kind));
        Assert.Equal(message, finding.Message);
        Assert.Equal([alias], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Empty(RuleAssert.Lint(rule, $"FROM alpine:3.20\nLABEL l={value}\n"));
    }

    [Fact]
    public void Spdx_suggests_the_id_a_typo_is_close_to()
    {
        var finding = One(new LabelNotSpdx(), "FROM alpine:3.20\nLABEL l=Apache-2\n", Schema("l", "spdx"));
        Assert.EndsWith("`Apache-2` is not one (did you mean `Apache-2.0`?)", finding.Message);
    }

    [Fact]
    public void Healthcheck_rule_is_off_until_given_a_severity()
    {
        const string text = "FROM alpine:3.20\n";
        Assert.Empty(RuleAssert.Lint(new ImageWithoutHealthcheck(), text));
        var on = LintConfiguration.Default with { SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["DL3057"] = Severity.Warning } };
        var finding = Assert.Single(RuleAssert.Lint(new ImageWithoutHealthcheck(), text, configuration: on));
        Assert.Equal("the image defines no HEALTHCHECK, so Docker cannot tell a hung container from a healthy one", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["DL3057"], finding.Aliases);
        var enabled = LintConfiguration.Default with { Enabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "STG270" } };
        Assert.Equal(Severity.Info, Assert.Single(RuleAssert.Lint(new ImageWithoutHealthcheck(), text, configuration: enabled)).Severity);
    }
}
