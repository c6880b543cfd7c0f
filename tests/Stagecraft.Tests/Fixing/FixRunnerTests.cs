using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;
using Stagecraft.Fixing;
using Stagecraft.Syntax;
using static Stagecraft.Tests.Fixing.FixFindings;

namespace Stagecraft.Tests.Fixing;

/// <summary>Fixing to a fixed point, the round limit, files that do not parse, and which fixes a selection takes.</summary>
public class FixRunnerTests
{
    private static FixResult Run(string text, Func<SyntaxTree, string, IReadOnlyList<Finding>> lint, FixSelection? selection = null) =>
        FixRunner.Run(Encoding.UTF8.GetBytes(text), "Dockerfile", tree => lint(tree, tree.Source.ToString()), selection ?? FixSelection.SafeOnly);

    private static string Fixed(FixResult result) => Encoding.UTF8.GetString(result.Fixed);

    [Fact]
    public void A_fix_that_reveals_another_finding_is_followed_by_a_second_round()
    {
        // Rule A names the stage; only a named stage lets rule B rewrite the reference.
        var result = Run("FROM a\nFROM b\nCOPY --from=0 /x /x\n", (tree, text) =>
            !text.Contains("AS build") ? [With(tree, RuleA, "name", FixSafety.Safe, TextEdit.Insert(At(text, "\nFROM b"), " AS build"))]
            : text.Contains("--from=0") ? [With(tree, RuleB, "by name", FixSafety.Safe, new TextEdit(new TextSpan(At(text, "0 /x"), 1), "build"))]
            : []);

        Assert.Equal("FROM a AS build\nFROM b\nCOPY --from=build /x /x\n", Fixed(result));
        Assert.Equal([1, 2], result.Applied.Select(a => a.Round));
        Assert.False(result.StoppedEarly);
    }

    [Fact]
    public void Fixes_that_never_settle_stop_after_the_round_limit()
    {
        var result = Run("FROM a\n", (tree, text) => [With(tree, RuleA, "grow", FixSafety.Safe, TextEdit.Insert(tree.Source.Length, "# more\n"))]);

        Assert.True(result.StoppedEarly);
        Assert.Equal(FixRunner.MaxRounds, result.Rounds.Count);
    }

    [Fact]
    public void A_fix_skipped_for_an_overlap_gets_another_chance_on_the_new_text()
    {
        // Both rules rewrite the image reference; A (the lower id) wins round 1, B applies to A's result in round 2.
        var result = Run("FROM alpine\n", (tree, text) =>
        {
            var image = text[5..^1];
            var span = new TextSpan(5, image.Length);
            return
            [
                .. image.Contains(':') ? Array.Empty<Finding>() : [With(tree, RuleA, "tag", FixSafety.Safe, new TextEdit(span, image + ":3"))],
                .. image.Contains('@') ? Array.Empty<Finding>() : [With(tree, RuleB, "digest", FixSafety.Safe, new TextEdit(span, image + "@sha256:1"))],
            ];
        });

        Assert.Equal("FROM alpine:3@sha256:1\n", Fixed(result));
        Assert.Equal(["STG901", "STG902"], result.Applied.Select(a => a.RuleId));
        Assert.Empty(result.Skipped); // applied in the end: put off, not skipped
        var deferred = Assert.Single(result.Deferred);
        Assert.Equal(("STG902", 1, "overlaps STG901's edit at 1:6"), (deferred.RuleId, deferred.Round, deferred.Reason));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_left_alone()
    {
        var calls = 0;
        var result = Run("FROM a\nRUN <<EOF\necho\n", (tree, text) => { calls++; return []; });

        Assert.NotNull(result.ParseError);
        Assert.Equal(result.Original, result.Fixed);
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Safe_fixes_apply_by_default_unsafe_ones_with_the_flag_display_only_ones_never()
    {
        const string text = "FROM a\nRUN b\n";
        IReadOnlyList<Finding> Lint(SyntaxTree tree, string current) =>
        [
            .. current.Contains("# safe") ? Array.Empty<Finding>() : [With(tree, RuleA, "safe", FixSafety.Safe, TextEdit.Insert(tree.Source.Length, "# safe\n"))],
            .. current.Contains("# unsafe") ? Array.Empty<Finding>() : [With(tree, RuleB, "unsafe", FixSafety.Unsafe, TextEdit.Insert(0, "# unsafe\n"))],
            With(tree, RuleB, "shown", FixSafety.DisplayOnly, TextEdit.Insert(6, " # shown")),
        ];

        var safe = Run(text, Lint);
        var all = Run(text, Lint, new FixSelection { IncludeUnsafe = true });

        Assert.Equal("FROM a\nRUN b\n# safe\n", Fixed(safe));
        Assert.Equal(1, safe.LeftOver.NeedUnsafe);
        Assert.Equal("# unsafe\nFROM a\nRUN b\n# safe\n", Fixed(all));
        Assert.Equal(0, all.LeftOver.NeedUnsafe);
    }

    [Fact]
    public void The_rule_filter_keeps_only_the_fixes_of_the_rules_named()
    {
        var result = Run("FROM a\n", (tree, text) =>
        [
            .. text.Contains("# a") ? Array.Empty<Finding>() : [With(tree, RuleA, "a", FixSafety.Safe, TextEdit.Insert(tree.Source.Length, "# a\n"))],
            .. text.Contains("# b") ? Array.Empty<Finding>() : [With(tree, RuleB, "b", FixSafety.Safe, TextEdit.Insert(0, "# b\n"))],
        ], new FixSelection { Rules = new HashSet<string> { "STG902" } });

        Assert.Equal("# b\nFROM a\n", Fixed(result));
    }

    [Fact]
    public void The_multi_stage_rewrite_applies_only_with_its_flag_even_with_unsafe()
    {
        var tree = SyntaxTree.Parse("FROM golang:1.24\nRUN go build -o /app .\n");
        var finding = With(tree, SingleStageBuild.Id, "Split into a builder and a runtime stage", FixSafety.Unsafe, TextEdit.Insert(0, "FROM golang:1.24 AS build\n"));

        Assert.False(new FixSelection { IncludeUnsafe = true }.Applies(finding));
        Assert.Equal(FixLeftOut.NeedsMultiStage, new FixSelection { IncludeUnsafe = true }.Refusal(finding.Rule, finding.Fix!));
        Assert.True(new FixSelection { MultiStage = true }.Applies(finding));
        Assert.False(new FixSelection { MultiStage = true }.Applies(finding with { Fix = finding.Fix! with { Safety = FixSafety.DisplayOnly } }));
    }

    [Fact]
    public void The_real_single_stage_findings_are_not_fixed_without_the_flag()
    {
        var text = "FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";
        var lint = (SyntaxTree tree) => Linter.Default.Lint(tree, "Dockerfile");
        Assert.Contains(lint(SyntaxTree.Parse(text)), f => f.Rule == SingleStageBuild.Id);

        var result = FixRunner.Run(Encoding.UTF8.GetBytes(text), "Dockerfile", lint, new FixSelection { IncludeUnsafe = true });

        Assert.DoesNotContain(result.Applied, a => a.RuleId == SingleStageBuild.Id.Id);
        Assert.Contains(result.RemainingFindings, f => f.Rule == SingleStageBuild.Id);
    }

    [Theory]
    [InlineData(
        "# syntax=docker/dockerfile:1\r\nFROM python:3.12-slim\r\n# a comment\twith a tab\r\nrun pip install \\\r\n\tflask \\\r\n\t# a comment inside the continuation\r\n\tgunicorn\r\nRUN <<EOF\r\napk add curl\r\nEOF\r\nENV A 1\r\nCMD python app.py\r\n",
        "# syntax=docker/dockerfile:1\r\nFROM python:3.12-slim\r\n# a comment\twith a tab\r\nRUN pip install --no-cache-dir \\\r\n\tflask \\\r\n\t# a comment inside the continuation\r\n\tgunicorn\r\nRUN <<EOF\r\napk add --no-cache curl\r\nEOF\r\nENV A=1\r\nCMD [\"python\", \"app.py\"]\r\n")]
    [InlineData(
        "# escape=`\nFROM python:3.12-slim\nRUN pip install `\n\tflask `\n\t&& echo done\nENV B 2\nCMD python app.py\n",
        "# escape=`\nFROM python:3.12-slim\nRUN pip install --no-cache-dir `\n\tflask `\n\t&& echo done\nENV B=2\nCMD [\"python\", \"app.py\"]\n")]
    public void Real_fixes_keep_crlf_tabs_comments_continuations_and_heredocs_byte_for_byte(string text, string expected)
    {
        var result = FixRunner.Run(Encoding.UTF8.GetBytes(text), "Dockerfile", tree => FixLinting.Linter.Lint(tree, "Dockerfile"), FixSelection.SafeOnly);

        Assert.Equal(expected, Fixed(result));
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Joining_runs_and_cleaning_up_do_not_race_the_cleanup_lands_after_the_install()
    {
        // Round 1 joins the RUNs (the cleanup of the update-only RUN is display only: the next RUN needs the lists);
        // round 2 appends the cleanup to the joined RUN. (STG014's cache mounts would make the cleanup unnecessary: left out here.)
        const string text = "FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n";

        var result = FixRunner.Run(Encoding.UTF8.GetBytes(text), "Dockerfile", tree => FixLinting.Linter.Lint(tree, "Dockerfile"),
            new FixSelection { IncludeUnsafe = true, Rules = new HashSet<string> { "STG010", "STG003" } });

        Assert.Equal("FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", Fixed(result));
        Assert.Equal([("STG010", 1), ("STG003", 2)], result.Applied.Select(a => (a.RuleId, a.Round)));
    }
}
