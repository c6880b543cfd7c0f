using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class UndefinedVariableTests
{
    private static readonly UndefinedVariable Rule = new();

    private static Finding Single(string text) => Assert.Single(RuleAssert.Lint(Rule, text));

    [Fact]
    public void A_meta_arg_used_in_a_stage_asks_for_a_redeclaration()
    {
        var finding = Single("ARG VERSION=1\nFROM alpine:3.20\nENV V=$VERSION\n");
        Assert.Equal("`$VERSION` is declared before the first FROM, where only FROM lines see it: add `ARG VERSION` to this stage to use it here", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A_built_in_argument_needs_its_arg_line()
    {
        var finding = Single("FROM alpine:3.20\nCOPY bin/$TARGETARCH/app /app\n");
        Assert.Equal("`$TARGETARCH` is a built-in argument, which a stage sees only after `ARG TARGETARCH`: add that line to this stage", finding.Message);
    }

    [Fact]
    public void A_misspelling_is_a_warning_with_a_suggestion()
    {
        var finding = Single("FROM alpine:3.20\nENV PATH=$PAHT:/opt/bin\n");
        Assert.Equal("`$PAHT` is not defined here, so it expands to an empty string (did you mean `$PATH`?)", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void An_unknown_name_on_an_image_base_is_information_naming_the_image()
    {
        var finding = Single("ARG TAG=3.20\nFROM alpine:$TAG\nWORKDIR $HOME/app\n");
        Assert.Equal("`$HOME` is not defined in this Dockerfile: it expands to an empty string unless base image `alpine:3.20` sets it", finding.Message);
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void An_unknown_name_on_scratch_is_a_warning()
    {
        var finding = Single("FROM scratch AS files\nFROM files\nCOPY $foo /\n");
        Assert.Equal("`$foo` is not defined by any ARG or ENV before this line, so it expands to an empty string", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A_shell_parameter_is_a_warning_even_on_an_image_base()
    {
        var finding = Single("FROM alpine:3.20\nLABEL price=\"$5\"\n");
        Assert.Equal("`$5` is a shell parameter, which BuildKit expands here to an empty string: write `\\$5` for the text itself", finding.Message);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A_name_set_by_the_same_env_is_one_error_for_both_checks()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine:3.20\nENV APP_HOME=/app APP_CACHE=[|${APP_HOME}|]/cache\n"));
        Assert.Equal("`$APP_HOME` is set by this same ENV, but BuildKit expands all of an ENV's values before it sets any, so here it still has its value from before: set `APP_HOME` in an ENV of its own above",
            finding.Message);
        Assert.Equal(["UndefinedVar", "DL3044"], finding.Aliases);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("FROM alpine:3.20\nENV GOBIN=[|${GOPATH:-/go}|]/bin GOPATH=/go\n")]
    [InlineData("FROM alpine:3.20\nENV PATH=/opt/bin:$PATH SAVED=[|$PATH|]\n")]
    public void Where_undefined_var_stays_quiet_the_same_env_finding_is_hadolint_s_alone(string text)
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal(["DL3044"], finding.Aliases);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("FROM debian:12-slim\nENV JAVA_OPTS=\"[|$JAVA_OPTS|] -Xmx1g\" APP=/app\n", Severity.Info)]
    [InlineData("FROM scratch\nENV LIBS=/opt/lib:[|$LIBS|]\n", Severity.Warning)]
    public void A_value_reading_its_own_name_is_an_ordinary_undefined_var_finding(string text, Severity severity)
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal(["UndefinedVar"], finding.Aliases);
        Assert.Equal(severity, finding.Severity);
        Assert.DoesNotContain("same ENV", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_and_sibling_references_to_one_name_are_two_findings()
    {
        var findings = RuleAssert.Marked(Rule, "FROM scratch\nENV A=x:[|$A|] B=[|$A|]\n");
        Assert.Equal([["UndefinedVar"], ["UndefinedVar", "DL3044"]], findings.Select(f => f.Aliases.ToArray()));
    }

    [Fact]
    public void A_value_continued_over_lines_is_reported_on_its_line()
    {
        var finding = Single("FROM alpine:3.20\nENV A=1 \\\n    B=\"x $A\"\n");
        Assert.Equal(3, finding.Line);
        Assert.Equal(["UndefinedVar", "DL3044"], finding.Aliases);
    }

    [Fact]
    public void Every_other_finding_answers_to_undefined_var_alone()
    {
        var findings = RuleAssert.Lint(Rule, "ARG IMAGE=${REGISTRY}/alpine\nFROM ${IMAGE}:3.20\nCOPY <<EOF /run.sh\nexec \"$@\"\nEOF\nWORKDIR $HOME\n");
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(["UndefinedVar"], f.Aliases));
    }

    private const string SameEnvAndUndefined = "FROM scratch\nENV A=1 B=$A\nWORKDIR $C\n";

    private static IReadOnlyList<Finding> LintAll(string text, LintConfiguration configuration) =>
        RuleAssert.LintWith(RuleCatalog.All, text, configuration).Where(f => f.Rule == UndefinedVariable.Id).ToArray();

    [Theory]
    [InlineData("DL3044", new[] { 3 })]
    [InlineData("UndefinedVar", new int[0])]
    [InlineData("STG109", new int[0])]
    public void Ignoring_either_alias_drops_the_findings_that_carry_it(string code, int[] remainingLines)
    {
        var configuration = LintConfiguration.Default with { Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { code } };
        Assert.Equal(remainingLines, LintAll(SameEnvAndUndefined, configuration).Select(f => f.Line));
    }

    [Theory]
    [InlineData("# hadolint ignore=DL3044\n", new[] { 4 })]
    [InlineData("# check=skip=UndefinedVar\n", new[] { 4 })]
    public void Inline_ignores_and_check_comments_by_either_alias_keep_working(string comment, int[] remainingLines)
    {
        var text = SameEnvAndUndefined.Replace("ENV A=1", comment + "ENV A=1", StringComparison.Ordinal);
        Assert.Equal(remainingLines, LintAll(text, LintConfiguration.Default).Select(f => f.Line));
    }

    [Fact]
    public void An_override_by_the_hadolint_code_changes_only_the_same_env_finding()
    {
        var configuration = LintConfiguration.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["DL3044"] = Severity.Info },
        };
        Assert.Equal([Severity.Info, Severity.Warning], LintAll(SameEnvAndUndefined, configuration).Select(f => f.Severity));
    }

    [Fact]
    public void A_heredoc_reference_suggests_quoting_the_marker()
    {
        var finding = Single("FROM alpine:3.20\nCOPY <<EOF /run.sh\nexec \"$@\"\nEOF\n");
        Assert.Equal("`$@` in this heredoc is expanded by BuildKit when it writes the file, and nothing defines it, so it becomes an empty string: quote the marker (<<'EOF') to leave it for the script",
            finding.Message);
        Assert.Equal(new Stagecraft.Syntax.TextSpan(42, 2), finding.Span);
    }

    [Fact]
    public void One_finding_per_name_and_instruction()
    {
        var findings = RuleAssert.Lint(Rule, "FROM scratch\nCOPY $X/a $X/b $Y/ \n");
        Assert.Equal(["`$X`", "`$Y`"], findings.Select(f => f.Message[..4]));
    }

    [Fact]
    public void Global_arg_defaults_see_only_earlier_args()
    {
        var finding = Single("ARG IMAGE=${REGISTRY}/alpine\nARG REGISTRY=docker.io\nFROM ${IMAGE}:3.20\n");
        Assert.Equal("`$REGISTRY` is not declared by an ARG above this one, so this default expands it to an empty string", finding.Message);
    }
}
