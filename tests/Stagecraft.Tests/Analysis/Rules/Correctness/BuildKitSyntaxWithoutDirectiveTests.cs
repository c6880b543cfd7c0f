using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class BuildKitSyntaxWithoutDirectiveTests
{
    private static readonly BuildKitSyntaxWithoutDirective Rule = new();

    [Fact]
    public void Newer_features_warn_and_the_fix_inserts_the_directive()
    {
        var text = "FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\nCOPY [|--exclude=*.md|] . /src\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("RUN --mount (Dockerfile 1.2+), COPY --exclude (Dockerfile 1.19+) need a BuildKit frontend the builder may not bundle: add `# syntax=docker/dockerfile:1` as the first line", finding.Message);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAll(RuleAssert.Unmark(text).Text, [finding]);
        Assert.StartsWith("# syntax=docker/dockerfile:1\nFROM alpine\n", fixedText);
        RuleAssert.Quiet(Rule, fixedText);
    }

    [Fact]
    public void Long_stable_features_are_information()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM alpine\nCOPY [|--link|] . /src\n"));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.StartsWith("COPY --link (Dockerfile 1.4+) needs a BuildKit frontend", finding.Message);
    }

    [Fact]
    public void The_directive_goes_after_a_byte_order_mark_and_keeps_crlf()
    {
        var text = "\uFEFF# escape=\\\r\nFROM alpine\r\nRUN --network=none echo hi\r\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        var fixedText = FixApplierForTests.ApplyAll(text, [finding]);
        Assert.Equal("\uFEFF# syntax=docker/dockerfile:1\r\n# escape=\\\r\nFROM alpine\r\nRUN --network=none echo hi\r\n", fixedText);
        Assert.Equal("docker/dockerfile:1", SyntaxTree.Parse(fixedText).Root.GetDirective("syntax")?.Value);
        Assert.Empty(RuleAssert.Lint(Rule, fixedText));
    }

    [Fact]
    public void A_pinned_old_frontend_is_replaced_by_an_unsafe_fix()
    {
        var text = "# syntax=docker/dockerfile:1.4.3\nFROM alpine\nCOPY [|--parents|] a/*/b /c/\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("COPY --parents (Dockerfile 1.20+) needs a newer frontend than `# syntax=docker/dockerfile:1.4.3` (Dockerfile 1.4): use `# syntax=docker/dockerfile:1`", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.StartsWith("# syntax=docker/dockerfile:1\n", FixApplierForTests.ApplyAll(RuleAssert.Unmark(text).Text, [finding]));
    }
}
