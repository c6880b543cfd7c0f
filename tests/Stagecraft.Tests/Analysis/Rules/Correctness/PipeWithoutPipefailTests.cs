using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class PipeWithoutPipefailTests
{
    private static readonly PipeWithoutPipefail Rule = new();

    [Fact]
    public void Names_the_command_whose_failure_is_hidden_and_sets_a_pipefail_shell_once()
    {
        var text = "FROM debian:bookworm-slim\nRUN [|curl -fsSL https://example.com/x.sh | bash|]\nRUN [|git ls-files | wc -l|]\n";
        var findings = RuleAssert.Marked(Rule, text);
        Assert.Equal("if `curl` fails, this pipe hides it (the RUN reports only the last command's status): set `-o pipefail` in SHELL or `set -o pipefail` first", findings[0].Message);
        Assert.All(findings, f => Assert.Equal(["DL4006"], f.Aliases));
        Assert.Equal(FixSafety.Unsafe, findings[0].Fix!.Safety);
        Assert.Null(findings[1].Fix);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, RuleAssert.Unmark(text).Text, findings[0]);
        Assert.Equal("FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/x.sh | bash\nRUN git ls-files | wc -l\n", fixedText);
    }

    [Fact]
    public void Alpine_gets_ash()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM alpine:3.20\nRUN wget -qO- https://example.com/x | sh\n"));
        Assert.Equal("SHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\n", finding.Fix!.Edits[0].NewText);
    }

    [Fact]
    public void A_pipeline_of_harmless_writers_is_skipped_for_the_next_one() =>
        RuleAssert.Marked(Rule, "FROM debian:bookworm-slim\nRUN echo x | tee /a && [|cat /etc/passwd | cut -d: -f1|]\n");
}
