using Stagecraft.Reporting;

namespace Stagecraft.Tests.Reporting;

/// <summary>Unified diffs as <c>diff -u</c> writes them: hunks with three lines of context, new files against /dev/null.</summary>
public class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal("", UnifiedDiff.Create("f", "a\n", "a\n"));
    }

    [Fact]
    public void A_new_file_is_all_additions_from_dev_null()
    {
        Assert.Equal("--- /dev/null\n+++ b/x/Dockerfile\n@@ -0,0 +1,2 @@\n+FROM a\n+USER 1\n", UnifiedDiff.Create("x/Dockerfile", null, "FROM a\nUSER 1\n"));
    }

    [Fact]
    public void A_change_shows_three_lines_of_context_and_far_apart_changes_get_their_own_hunks()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"{i}").ToList();
        var before = string.Join("", lines.Select(l => l + "\n"));
        lines[1] = "two";
        lines.Insert(18, "eighteen and a half");
        var after = string.Join("", lines.Select(l => l + "\n"));

        var diff = UnifiedDiff.Create("f", before, after);

        Assert.Equal("""
            --- a/f
            +++ b/f
            @@ -1,5 +1,5 @@
             1
            -2
            +two
             3
             4
             5
            @@ -16,5 +16,6 @@
             16
             17
             18
            +eighteen and a half
             19
             20

            """.ReplaceLineEndings("\n"), diff);
    }

    [Fact]
    public void A_missing_final_newline_is_marked()
    {
        Assert.Equal("--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n", UnifiedDiff.Create("f", "a", "a\n"));
    }
}
