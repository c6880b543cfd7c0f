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
    public void A_name_set_by_the_same_env_is_explained()
    {
        var finding = Single("FROM alpine:3.20\nENV A=1 B=$A\n");
        Assert.Equal("`$A` is set by this same ENV, but BuildKit expands all of an ENV's values before it sets any: move `A` to an ENV of its own above", finding.Message);
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
