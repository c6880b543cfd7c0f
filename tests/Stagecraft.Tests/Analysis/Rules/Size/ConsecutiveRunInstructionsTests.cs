using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class ConsecutiveRunInstructionsTests
{
    private static readonly ConsecutiveRunInstructions Rule = new();

    [Fact]
    public void Update_alone_names_the_install_line_and_merges_into_one_run()
    {
        var text = "FROM debian:bookworm-slim\nRUN [|apt-get update|]\nRUN apt-get install -y curl\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`apt-get update` runs in its own RUN, so the install on line 3 can reuse a stale cached package index: update and install in one RUN", finding.Message);
        Assert.Equal(["DL3059"], finding.Aliases);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAll(RuleAssert.Unmark(text).Text, [finding]);
        Assert.Equal("FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y curl\n", fixedText);
        RuleAssert.Quiet(Rule, fixedText);
    }

    [Fact]
    public void Three_single_command_runs_become_one_keeping_the_leading_and_style()
    {
        var text = "FROM alpine:3.20\nRUN apk add --no-cache \\\n\t&& echo x\nRUN mkdir /app\n[|RUN chown nobody /app|]\n[|RUN touch /app/ready|]\n";
        var findings = RuleAssert.Marked(Rule, text);
        Assert.Equal("this RUN and the RUN on line 4 run one command each and make a layer each: join them with && in one RUN", findings[0].Message);
        Assert.Equal(["DL3059"], findings[0].Aliases);
        var plain = "FROM alpine:3.20\nRUN mkdir /app\nRUN chown nobody /app \\\n\t&& chmod 700 /app\n";
        Assert.Empty(RuleAssert.Lint(Rule, plain));
        var simple = "FROM alpine:3.20\nRUN mkdir /app\nRUN chown nobody /app\nRUN touch /app/ready\n";
        var fixedText = FixApplierForTests.ApplyAll(simple, RuleAssert.Lint(Rule, simple));
        Assert.Equal("FROM alpine:3.20\nRUN mkdir /app && \\\n    chown nobody /app && \\\n    touch /app/ready\n", fixedText);
        RuleAssert.Quiet(Rule, fixedText);
    }

    [Fact]
    public void Leading_and_style_and_indent_are_kept()
    {
        var text = "FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y \\\n\t\tcurl \\\n\t&& rm -rf /var/lib/apt/lists/*\n";
        var fixedText = FixApplierForTests.ApplyAll(text, RuleAssert.Lint(Rule, text));
        Assert.Equal("FROM debian:bookworm-slim\nRUN apt-get update \\\n\t\t&& apt-get install -y \\\n\t\tcurl \\\n\t&& rm -rf /var/lib/apt/lists/*\n", fixedText);
    }

    [Fact]
    public void Comments_between_keep_the_finding_but_drop_the_fix()
    {
        var text = "FROM debian:bookworm-slim\nRUN [|apt-get update|]\n# tools\nRUN apt-get install -y curl\n";
        Assert.Null(Assert.Single(RuleAssert.Marked(Rule, text)).Fix);
    }
}
