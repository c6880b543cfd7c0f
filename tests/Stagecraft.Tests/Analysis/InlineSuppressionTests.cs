using Stagecraft.Analysis;

namespace Stagecraft.Tests.Analysis;

/// <summary>Inline ignore comments, in hadolint's spelling as well as ours, applied by the linter.</summary>
public class InlineSuppressionTests
{
    private static readonly IReadOnlyList<Rule> Rules = [TestRules.EveryRun, TestRules.EveryFrom];

    /// <summary>The lines of the findings left, as "line:rule".</summary>
    private static string[] Lint(string dockerfile, LintConfiguration? configuration = null) =>
        RuleAssert.LintWith(Rules, dockerfile, configuration ?? LintConfiguration.Default).Select(f => $"{f.Line}:{f.Rule.Id}").ToArray();

    [Fact]
    public void Hadolint_ignore_silences_the_next_instruction_by_alias()
    {
        Assert.Equal(["1:STG991", "4:STG990"], Lint("FROM alpine\n# hadolint ignore=DL9990\nRUN a\nRUN b\n"));
    }

    [Fact]
    public void A_comment_after_the_codes_is_allowed()
    {
        Assert.Equal(["1:STG991"], Lint("FROM alpine\n# hadolint ignore=DL9990 # reviewed, see #12\nRUN a\n"));
    }

    [Fact]
    public void Hadolint_global_ignore_silences_the_whole_file()
    {
        Assert.Equal(["1:STG991", "3:STG991"], Lint("FROM alpine AS a\nRUN a\nFROM a\nRUN b\n# hadolint global ignore=DL9990\n"));
    }

    [Fact]
    public void Hadolint_stage_ignore_right_above_a_FROM_covers_that_stage_including_its_FROM()
    {
        const string dockerfile = """
            FROM alpine AS one
            RUN a
            # hadolint stage ignore=DL9990,STG991
            FROM alpine AS two
            RUN b
            FROM alpine AS three
            RUN c

            """;

        Assert.Equal(["1:STG991", "2:STG990", "6:STG991", "7:STG990"], Lint(dockerfile));
    }

    [Fact]
    public void Stage_ignore_inside_a_stage_covers_the_rest_of_it()
    {
        const string dockerfile = """
            FROM alpine AS one
            RUN a
            # hadolint stage ignore=DL9990
            RUN b
            FROM alpine AS two
            RUN c

            """;

        Assert.Equal(["1:STG991", "2:STG990", "5:STG991", "6:STG990"], Lint(dockerfile));
    }

    [Fact]
    public void Disabling_ignore_pragmas_disables_both_spellings()
    {
        var configuration = LintConfiguration.Default with { AllowInlineIgnores = false };

        Assert.Equal(["1:STG991", "4:STG990", "6:STG990"],
            Lint("FROM alpine\n# hadolint global ignore=DL9990\n# stagecraft ignore=STG990\nRUN a\n# hadolint ignore=DL9990\nRUN b\n", configuration));
    }
}
