using Stagecraft.Analysis;
using Stagecraft.Reporting;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>Ids of rules merged into another, through the command line: options, files, comments and <c>explain</c>.</summary>
public sealed class RetiredRuleIdTests : IDisposable
{
    private const string Dockerfile = "FROM alpine:3.20\nMAINTAINER jane\nCMD exec node app.js\n";

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public RetiredRuleIdTests() => _temp.Write("Dockerfile", Dockerfile);

    public void Dispose() => _temp.Dispose();

    private CliResult Lint(params string[] args) => CliRun.InFolder(_temp.FullPath, ["lint", .. args]);

    [Fact]
    public void The_ignore_option_takes_a_retired_id_as_its_code()
    {
        var all = Lint();
        var ignored = Lint("--ignore", "STG217");

        Assert.Contains(" STG105 ", all.OutputText);
        Assert.Equal("", ignored.Error);
        Assert.Equal(Lint("--ignore", "DL3025").OutputText, ignored.OutputText);
        Assert.DoesNotContain(" STG105 ", ignored.OutputText);
        Assert.Contains(" STG106 ", ignored.OutputText);
    }

    [Fact]
    public void The_enable_option_accepts_a_retired_id()
    {
        var result = Lint("--enable", "stg278");

        Assert.Equal("", result.Error);
        Assert.Equal(Lint().OutputText, result.OutputText);
    }

    [Fact]
    public void Stagecraft_yaml_and_hadolint_yaml_accept_retired_ids()
    {
        _temp.Write(".stagecraft.yaml", "ignored: [STG278]\n");
        var stagecraft = Lint();
        File.Delete(Path.Combine(_temp.FullPath, ".stagecraft.yaml"));
        _temp.Write(".hadolint.yaml", "ignored: [maintainer-instruction]\n");
        var hadolint = Lint();

        Assert.Equal("", stagecraft.Error);
        Assert.DoesNotContain(" STG106 ", stagecraft.OutputText);
        Assert.Contains(" STG105 ", stagecraft.OutputText);
        Assert.Equal("", hadolint.Error);
        Assert.Equal(stagecraft.OutputText, hadolint.OutputText);
    }

    [Fact]
    public void An_inline_comment_with_a_retired_id_silences_the_instruction_below()
    {
        _temp.Write("Dockerfile", Dockerfile.Replace("CMD", "# hadolint ignore=STG217\nCMD", StringComparison.Ordinal));

        var result = Lint();

        Assert.DoesNotContain(" STG105 ", result.OutputText);
        Assert.Contains(" STG106 ", result.OutputText);
    }

    [Theory]
    [InlineData("STG217")]
    [InlineData("stg217")]
    [InlineData("command-not-in-exec-form")]
    public void Explain_shows_the_surviving_rule_after_one_line_saying_it_was_merged(string code)
    {
        var result = CliRun.Run("explain", code);

        Assert.Equal(0, result.ExitCode);
        var rule = RuleLookup.Find("STG105")!;
        Assert.Equal("STG217 (command-not-in-exec-form) was merged into STG105 (shell-form-command): it now means this rule's DL3025 findings.\n\n"
            + RuleDocs.Page(rule) + $"\nOnline: {rule.Descriptor.HelpUri}\n", result.OutputText);
    }

    [Fact]
    public void Explain_finds_the_surviving_rule_of_every_retired_id()
    {
        foreach (var retired in RetiredRules.All)
        {
            var result = CliRun.Run("explain", retired.Id);
            var rule = RuleLookup.Find(retired.Code)!;

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith($"{retired.Id} ({retired.Name}) was merged into {rule.Descriptor.Id} ", result.OutputText);
            Assert.Contains("\n\n" + RuleDocs.Page(rule), result.OutputText);
        }
    }

    [Fact]
    public void Explain_of_a_current_id_has_no_merged_line()
    {
        Assert.StartsWith("<!-- Generated", CliRun.Run("explain", "STG105").OutputText);
    }
}
