using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>BuildKit's <c># check=</c> directive and per-instruction <c># check=</c> comments, applied by the linter to the findings of BuildKit's checks.</summary>
public class CheckDirectiveTests
{
    private const string Casing = "FROM scratch as base\ncopy Dockerfile .\n";

    private static IReadOnlyList<Finding> Lint(string text, LintConfiguration? configuration = null) =>
        Linter.Default.Lint(SyntaxTree.Parse(text), "Dockerfile", BuildContext.None, configuration);

    private static string[] Checks(IEnumerable<Finding> findings) =>
        findings.SelectMany(f => f.Aliases).Where(a => !a.StartsWith("DL", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Without_a_directive_every_check_reports()
    {
        Assert.Equal(["ConsistentInstructionCasing", "FromAsCasing"], Checks(Lint(Casing)));
    }

    [Theory]
    [InlineData("#check=skip=all\n", new string[0])]
    [InlineData("#check=skip=ConsistentInstructionCasing,FromAsCasing\n", new string[0])]
    [InlineData("#check=skip=ConsistentInstructionCasing\n", new[] { "FromAsCasing" })]
    [InlineData("# check = skip = consistentinstructioncasing ; error = false\n", new[] { "FromAsCasing" })]
    [InlineData("#check=skip=STG102\n", new[] { "FromAsCasing" })]
    public void Skip_drops_the_named_checks(string directive, string[] expected)
    {
        Assert.Equal(expected, Checks(Lint(directive + Casing)));
    }

    [Fact]
    public void Skip_all_leaves_stagecraft_s_own_rules_alone()
    {
        var findings = Lint("# check=skip=all\nFROM node\nRUN npm install\n");
        Assert.DoesNotContain(findings, f => f.Aliases.Any(CheckDirectives.CheckNames.Contains));
        Assert.Contains(findings, f => f.Rule.Id == "STG009");
    }

    [Fact]
    public void Error_true_raises_check_findings_to_errors_only()
    {
        var findings = Lint("# check=skip=ConsistentInstructionCasing;error=true\nFROM node as base\nRUN npm install\n");
        var fromAs = Assert.Single(findings, f => f.Aliases.Contains("FromAsCasing"));
        Assert.Equal(Severity.Error, fromAs.Severity);
        Assert.All(findings.Where(f => !f.Aliases.Any(CheckDirectives.CheckNames.Contains)), f => Assert.NotEqual(Severity.Error, f.Severity));
        Assert.True(new LintReport([new FileLintResult("Dockerfile", SourceText.From(""), findings)], Severity.Error).Fails);
    }

    [Fact]
    public void Configuration_overrides_still_win_over_error_true()
    {
        var configuration = LintConfiguration.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["FromAsCasing"] = Severity.Info },
        };
        var finding = Assert.Single(Lint("# check=error=true\nFROM scratch as base\n", configuration), f => f.Aliases.Contains("FromAsCasing"));
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void A_comment_above_an_instruction_skips_checks_for_that_instruction_only()
    {
        const string text = """
            FROM scratch
            # check=skip=SecretsUsedInArgOrEnv // allow secret in environment
            ENV password=bar
            # a note in between
            # check=skip=all // local to this instruction
            ARG alternate_password
            ENV api_token=x

            # check=skip=SecretsUsedInArgOrEnv
            
            ARG other_secret
            """;
        var findings = Lint(text).Where(f => f.Aliases.Contains("SecretsUsedInArgOrEnv")).Select(f => f.Line);
        Assert.Equal([7, 11], findings);
    }

    [Fact]
    public void A_comment_cannot_raise_severity_and_an_invalid_one_is_ignored()
    {
        var findings = Lint("FROM scratch\n# check=error=true\nENV password=bar\n# check=bogus\nENV token=x\n").Where(f => f.Aliases.Contains("SecretsUsedInArgOrEnv")).ToArray();
        Assert.Equal(2, findings.Length);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Fact]
    public void Empty_continuation_lines_are_buildkit_s_no_empty_continuation()
    {
        const string text = "FROM scratch\nCOPY Dockerfile \\\n\n.\n";
        var finding = Assert.Single(Lint(text), f => f.Rule.Id == "STG000");
        Assert.Equal(["NoEmptyContinuation"], finding.Aliases);
        Assert.DoesNotContain(Lint("# check=skip=NoEmptyContinuation\n" + text), f => f.Rule.Id == "STG000");
        var ignored = LintConfiguration.Default with { Ignored = new HashSet<string>(["NoEmptyContinuation"], StringComparer.OrdinalIgnoreCase) };
        Assert.DoesNotContain(Lint(text, ignored), f => f.Rule.Id == "STG000");
    }

    [Fact]
    public void Other_syntax_errors_carry_no_buildkit_alias_and_are_never_skipped()
    {
        var finding = Assert.Single(Lint("# check=skip=all\nFROM scratch\nBOGUS x\n"), f => f.Rule.Id == "STG000");
        Assert.Empty(finding.Aliases);
    }

    [Theory]
    [InlineData("skip", "invalid check option \"skip\": expected key=value")]
    [InlineData("error=maybe", "invalid check option \"error=maybe\": error takes true or false")]
    [InlineData("ignore=X", "invalid check option \"ignore\": expected skip, error or experimental")]
    public void An_unreadable_directive_is_a_syntax_error_at_its_value(string value, string message)
    {
        var tree = SyntaxTree.Parse($"# check={value}\nFROM scratch\n");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("invalid-check", diagnostic.Code);
        Assert.Equal("failed to parse check options: " + message, diagnostic.Message);
        Assert.Equal(value, tree.GetText(diagnostic.Span));
    }

    [Fact]
    public void Options_parse_as_buildkit_reads_them()
    {
        Assert.True(CheckOptions.TryParse(" skip = A , B ; experimental=all;error=T ", out var options, out _));
        Assert.Equal(["A", "B"], options.Skip);
        Assert.True(options.ExperimentalAll);
        Assert.True(options.Error);
        Assert.True(CheckOptions.TryParse("", out var empty, out _));
        Assert.Same(CheckOptions.None, empty);
    }

    [Fact]
    public void Experimental_checks_run_only_where_named()
    {
        const string text = "FROM alpine AS base\n# check=experimental=InvalidDefinitionDescription\n# not about the arg\nARG VERSION=1\n# also not\nARG OTHER=2\n";
        var findings = Lint(text).Where(f => f.Aliases.Contains("InvalidDefinitionDescription")).ToArray();
        Assert.Equal([3], findings.Select(f => f.Line));
        Assert.Equal(2, Lint("# check=skip=all;experimental=all\n" + text).Count(f => f.Aliases.Contains("InvalidDefinitionDescription")));
    }
}
