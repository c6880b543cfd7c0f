using Stagecraft.Analysis;
using Stagecraft.Reporting;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft explain ID</c> prints the rule's docs page, found by id, alias or name in any case.</summary>
public class ExplainCommandTests
{
    [Theory]
    [InlineData("STG000")]
    [InlineData("stg000")]
    [InlineData("Dockerfile-Syntax")]
    public void Prints_the_page_of_the_rule(string code)
    {
        var result = CliRun.Run("explain", code);

        Assert.Equal(0, result.ExitCode);
        var rule = RuleCatalog.Find("STG000")!;
        Assert.Equal(RuleDocs.Page(rule) + $"\nOnline: {rule.Descriptor.HelpUri}\n", result.OutputText);
        Assert.Contains("## Why it matters", result.OutputText);
        Assert.Contains("## Example\n\n```dockerfile\n", result.OutputText);
        Assert.Contains("## Fix safety", result.OutputText);
        Assert.Contains("## Options", result.OutputText);
    }

    [Fact]
    public void Every_alias_of_every_rule_finds_its_rule_in_any_case()
    {
        foreach (var rule in RuleCatalog.All)
        {
            foreach (var alias in rule.Descriptor.Aliases)
            {
                var result = CliRun.Run("explain", alias.ToLowerInvariant());
                Assert.Equal(0, result.ExitCode);
                Assert.StartsWith(RuleDocs.Page(rule), result.OutputText);
            }
        }
    }

    [Fact]
    public void Aliases_resolve_to_their_rule()
    {
        Assert.Same(Analysis.TestRules.EveryRun, RuleLookup.Find("dl9990", Analysis.TestRules.All));
        Assert.Equal("DL9990", RuleLookup.Canonical("dl9990", Analysis.TestRules.All));
        Assert.Equal("STG990", RuleLookup.Canonical("TEST-EVERY-RUN", Analysis.TestRules.All));
        Assert.Equal("unknown rule 'DL999' (did you mean 'DL9990'?)", RuleLookup.UnknownMessage("DL999", Analysis.TestRules.All));
    }

    [Theory]
    [InlineData("STG0000", "stagecraft: unknown rule 'STG0000' (did you mean 'STG000'?); 'stagecraft rules' lists them all\n")]
    [InlineData("dockerfile-syntx", "stagecraft: unknown rule 'dockerfile-syntx' (did you mean 'dockerfile-syntax'?); 'stagecraft rules' lists them all\n")]
    [InlineData("nothing-like-it", "stagecraft: unknown rule 'nothing-like-it'; 'stagecraft rules' lists them all\n")]
    public void An_unknown_id_exits_2_with_a_suggestion(string code, string error)
    {
        var result = CliRun.Run("explain", code);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_missing_id_is_a_usage_error()
    {
        var result = CliRun.Run("explain");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help' for usage.", result.Error);
    }
}
