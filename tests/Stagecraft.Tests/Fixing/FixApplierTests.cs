using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Fixing;
using Stagecraft.Syntax;
using static Stagecraft.Tests.Fixing.FixFindings;

namespace Stagecraft.Tests.Fixing;

/// <summary>One pass of the applier: order, overlaps, duplicates, the parse check and line endings.</summary>
public class FixApplierTests
{
    private const string Text = "FROM debian:12\nRUN apt-get install -y curl\n";

    private static string Apply(string text, Func<SyntaxTree, IEnumerable<Finding>> findings, out FixRound round)
    {
        var tree = SyntaxTree.Parse(text);
        round = FixApplier.ApplyRound(tree, findings(tree));
        return Encoding.UTF8.GetString(round.After);
    }

    [Fact]
    public void Non_overlapping_fixes_all_apply_and_nothing_else_changes()
    {
        var result = Apply(Text, tree =>
        [
            With(tree, RuleA, "tag", FixSafety.Safe, new TextEdit(new TextSpan(At(Text, "12"), 2), "12-slim")),
            With(tree, RuleB, "recommends", FixSafety.Safe, TextEdit.Insert(At(Text, " -y"), " --no-install-recommends")),
        ], out var round);

        Assert.Equal("FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl\n", result);
        Assert.Equal(["STG901", "STG902"], round.Applied.Select(a => a.RuleId));
        Assert.Empty(round.Skipped);
    }

    [Fact]
    public void Of_two_overlapping_fixes_the_one_starting_first_wins_and_the_other_is_reported()
    {
        var install = new TextSpan(At(Text, "install"), "install".Length);
        Finding[] Findings(SyntaxTree tree) =>
        [
            With(tree, RuleA, "replace the install", FixSafety.Safe, new TextEdit(TextSpan.FromBounds(install.Start + 2, install.End), "X")),
            With(tree, RuleB, "rename install", FixSafety.Safe, new TextEdit(install, "reinstall")),
        ];

        var result = Apply(Text, Findings, out var round);
        var reversed = Apply(Text, tree => Findings(tree).Reverse(), out var roundReversed);

        Assert.Equal("FROM debian:12\nRUN apt-get reinstall -y curl\n", result);
        Assert.Equal(result, reversed);
        var skipped = Assert.Single(round.Skipped);
        Assert.Equal("STG901", skipped.RuleId);
        Assert.Equal("overlaps STG902's edit at 2:13", skipped.Reason);
        Assert.Equal(round.Skipped, roundReversed.Skipped);
    }

    [Fact]
    public void A_fix_that_claims_a_place_makes_another_fix_editing_there_wait_and_the_claim_itself_changes_no_byte()
    {
        var end = Text.IndexOf("curl", StringComparison.Ordinal) + "curl".Length;
        Finding Claiming(SyntaxTree tree)
        {
            var finding = With(tree, RuleB, "mount", FixSafety.Unsafe, TextEdit.Insert(At(Text, "apt-get"), "--mount=type=cache,target=/x "));
            return finding with { Fix = finding.Fix! with { Claims = [new TextSpan(end, 0)] } };
        }
        var cleanup = (SyntaxTree tree) => With(tree, RuleA, "cleanup", FixSafety.Safe, TextEdit.Insert(end, " && rm -rf /x"));

        var result = Apply(Text, tree => [Claiming(tree), cleanup(tree)], out var round);

        Assert.Equal("FROM debian:12\nRUN --mount=type=cache,target=/x apt-get install -y curl\n", result);
        var skipped = Assert.Single(round.Skipped);
        Assert.Equal("STG901", skipped.RuleId);
        Assert.Equal("STG902's fix changes what 2:28 means", skipped.Reason);
        Assert.DoesNotContain(Assert.Single(round.Applied).Edits, e => e.Span.Start == end);
    }

    [Fact]
    public void A_fix_claiming_a_place_another_fix_already_edits_waits_itself()
    {
        var end = Text.IndexOf("curl", StringComparison.Ordinal) + "curl".Length;
        var result = Apply(Text, tree =>
        {
            var early = With(tree, RuleA, "early", FixSafety.Safe, TextEdit.Insert(At(Text, "debian"), "docker.io/library/"));
            var claiming = With(tree, RuleB, "mount", FixSafety.Unsafe, TextEdit.Insert(At(Text, "apt-get"), "--mount=type=cache,target=/x "));
            var cleanup = With(tree, RuleA, "cleanup", FixSafety.Safe, TextEdit.Insert(end, " && rm -rf /x"));
            return [early, claiming with { Fix = claiming.Fix! with { Claims = [TextSpan.FromBounds(At(Text, "debian"), At(Text, "debian") + 6)] } }, cleanup];
        }, out var round);

        Assert.Equal("FROM docker.io/library/debian:12\nRUN apt-get install -y curl && rm -rf /x\n", result);
        Assert.Equal("STG902", Assert.Single(round.Skipped).RuleId);
    }

    [Fact]
    public void At_the_same_start_the_lower_rule_id_wins()
    {
        var at = At(Text, "curl");
        var result = Apply(Text, tree =>
        [
            With(tree, RuleB, "b", FixSafety.Safe, new TextEdit(new TextSpan(at, 4), "wget")),
            With(tree, RuleA, "a", FixSafety.Safe, new TextEdit(new TextSpan(at, 4), "ca-certificates")),
        ], out var round);

        Assert.Contains("install -y ca-certificates\n", result);
        Assert.Equal("STG902", Assert.Single(round.Skipped).RuleId);
    }

    [Fact]
    public void Identical_edits_from_two_findings_are_made_once()
    {
        var at = At(Text, " curl");
        var result = Apply(Text, tree =>
        [
            With(tree, RuleA, "a", FixSafety.Safe, TextEdit.Insert(at, " --no-install-recommends")),
            With(tree, RuleB, "b", FixSafety.Safe, TextEdit.Insert(at, " --no-install-recommends")),
        ], out var round);

        Assert.Equal("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n", result);
        Assert.Single(round.Applied);
        Assert.Empty(round.Skipped);
    }

    [Fact]
    public void Edits_that_share_a_byte_or_touch_overlap_and_edits_apart_do_not()
    {
        var at = At(Text, "curl");
        var curl = new TextEdit(new TextSpan(at, 4), "wget");
        Assert.True(FixApplier.Overlap(TextEdit.Insert(at, "a "), TextEdit.Insert(at, "b ")));
        Assert.True(FixApplier.Overlap(TextEdit.Insert(at, "a "), curl));
        Assert.True(FixApplier.Overlap(TextEdit.Insert(at + 4, " a"), curl));
        Assert.True(FixApplier.Overlap(TextEdit.Insert(at + 2, "a"), curl));
        Assert.True(FixApplier.Overlap(new TextEdit(new TextSpan(at + 4, 1), ""), curl));
        Assert.False(FixApplier.Overlap(TextEdit.Insert(at + 5, "a"), curl));
        Assert.False(FixApplier.Overlap(TextEdit.Insert(at - 1, "a"), curl));
    }

    [Fact]
    public void A_fix_that_would_break_the_file_is_refused_and_the_others_still_apply()
    {
        var result = Apply(Text, tree =>
        [
            With(tree, RuleA, "open a heredoc", FixSafety.Safe, TextEdit.Insert(At(Text, "RUN"), "RUN <<EOF\n")),
            With(tree, RuleB, "pin", FixSafety.Safe, new TextEdit(new TextSpan(At(Text, "12"), 2), "12.8")),
        ], out var round);

        Assert.Equal("FROM debian:12.8\nRUN apt-get install -y curl\n", result);
        var skipped = Assert.Single(round.Skipped);
        Assert.Equal("STG901", skipped.RuleId);
        Assert.StartsWith("the result would not parse (", skipped.Reason);
    }

    [Fact]
    public void An_inserted_line_takes_the_line_ending_of_a_crlf_file()
    {
        const string crlf = "FROM debian:12\r\nRUN true\r\n";
        var result = Apply(crlf, tree => [With(tree, RuleA, "user", FixSafety.Safe, TextEdit.Insert(At(crlf, "RUN"), "USER 1000\n"))], out _);

        Assert.Equal("FROM debian:12\r\nUSER 1000\r\nRUN true\r\n", result);
    }

    [Fact]
    public void An_lf_file_keeps_lf_even_when_a_fix_writes_crlf()
    {
        var result = Apply(Text, tree => [With(tree, RuleA, "user", FixSafety.Safe, TextEdit.Insert(At(Text, "RUN"), "USER 1000\r\n"))], out _);

        Assert.Equal("FROM debian:12\nUSER 1000\nRUN apt-get install -y curl\n", result);
    }

    [Fact]
    public void Splice_copies_every_byte_outside_the_edits_including_multibyte_text()
    {
        var text = Encoding.UTF8.GetBytes("# café ☕\nFROM a\n");
        var from = At("# café ☕\nFROM a\n", "a\n");

        var result = FixApplier.Splice(text, [new TextEdit(new TextSpan(from, 1), "alpine:3.20")]);

        Assert.Equal("# café ☕\nFROM alpine:3.20\n", Encoding.UTF8.GetString(result));
    }
}
