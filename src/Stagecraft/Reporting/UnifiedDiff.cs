using System.Text;

namespace Stagecraft.Reporting;

/// <summary>
/// A unified diff between two texts, as <c>diff -u</c> and <c>git diff</c> print it (three lines of context), so it can be
/// read, or applied with <c>git apply</c> / <c>patch -p1</c>. Meant for files of a few thousand lines at most.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>
    /// The diff from <paramref name="before"/> (null: the file does not exist yet) to <paramref name="after"/>, with
    /// <c>a/</c> and <c>b/</c> before <paramref name="path"/>; empty when the texts are equal.
    /// </summary>
    public static string Create(string path, string? before, string after)
    {
        if (before == after)
            return "";
        var old = Lines(before ?? "");
        var @new = Lines(after);
        var edits = Edits(old, @new);
        var text = new StringBuilder();
        text.Append(before is null ? "--- /dev/null\n" : $"--- a/{path}\n").Append($"+++ b/{path}\n");
        var changes = new List<int>();
        for (var k = 0; k < edits.Count; k++)
        {
            if (edits[k].Kind != ' ')
                changes.Add(k);
        }
        // Changes closer than twice the context share a hunk.
        for (var g = 0; g < changes.Count;)
        {
            var first = changes[g];
            var last = first;
            var h = g + 1;
            for (; h < changes.Count && changes[h] - last - 1 <= 2 * Context; h++)
                last = changes[h];
            AppendHunk(text, edits, Math.Max(0, first - Context), Math.Min(edits.Count, last + Context + 1));
            g = h;
        }
        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, List<(char Kind, string Line, int Old, int New, bool NoNewline)> edits, int start, int end)
    {
        var oldCount = 0;
        var newCount = 0;
        for (var k = start; k < end; k++)
        {
            if (edits[k].Kind != '+') oldCount++;
            if (edits[k].Kind != '-') newCount++;
        }
        var oldStart = oldCount == 0 ? edits[start].Old : edits[start].Old + 1;
        var newStart = newCount == 0 ? edits[start].New : edits[start].New + 1;
        text.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
        for (var k = start; k < end; k++)
        {
            text.Append(edits[k].Kind).Append(edits[k].Line).Append('\n');
            if (edits[k].NoNewline)
                text.Append("\\ No newline at end of file\n");
        }
    }

    private readonly record struct Line(string Text, bool NoNewline);

    private static Line[] Lines(string text)
    {
        if (text.Length == 0)
            return [];
        var parts = text.Split('\n');
        var complete = parts[^1].Length == 0;
        var count = complete ? parts.Length - 1 : parts.Length;
        var lines = new Line[count];
        for (var k = 0; k < count; k++)
            lines[k] = new Line(parts[k], !complete && k == count - 1);
        return lines;
    }

    // Longest common subsequence by dynamic programming: quadratic, which is fine for generated files and Dockerfiles.
    private static List<(char Kind, string Line, int Old, int New, bool NoNewline)> Edits(Line[] a, Line[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
        }
        var edits = new List<(char, string, int, int, bool)>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                edits.Add((' ', a[i].Text, i, j, a[i].NoNewline));
                i++;
                j++;
            }
            else if (j < b.Length && (i == a.Length || lcs[i, j + 1] > lcs[i + 1, j]))
            {
                edits.Add(('+', b[j].Text, i, j, b[j].NoNewline));
                j++;
            }
            else
            {
                edits.Add(('-', a[i].Text, i, j, a[i].NoNewline));
                i++;
            }
        }
        return edits;
    }
}
