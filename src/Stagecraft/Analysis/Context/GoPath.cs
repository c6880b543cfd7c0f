using System.Text;

namespace Stagecraft.Analysis.Context;

/// <summary>Go's <c>path.Clean</c> for '/'-separated paths, which moby/patternmatcher applies to patterns and paths.</summary>
internal static class GoPath
{
    /// <summary>The shortest path naming the same file: no "//", no "." elements, ".." folded where it can be.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
            return ".";
        if (IsClean(path))
            return path;

        var rooted = path[0] == '/';
        var output = new StringBuilder(path.Length);
        // Output before this length is never removed by "..": the root slash, or leading ".." elements.
        var floor = 0;
        if (rooted)
        {
            output.Append('/');
            floor = 1;
        }

        var read = rooted ? 1 : 0;
        while (read < path.Length)
        {
            var end = path.IndexOf('/', read);
            if (end < 0)
                end = path.Length;
            var element = path.AsSpan(read, end - read);
            read = end + 1;

            if (element.Length == 0 || element is ".")
                continue;
            if (element is "..")
            {
                if (output.Length > floor)
                {
                    var cut = output.Length - 1;
                    while (cut > floor && output[cut] != '/')
                        cut--;
                    output.Length = cut;
                }
                else if (!rooted)
                {
                    // Nothing left to climb out of: a relative path keeps its leading "..".
                    if (output.Length > 0)
                        output.Append('/');
                    output.Append("..");
                    floor = output.Length;
                }
                continue;
            }

            if (output.Length > (rooted ? 1 : 0))
                output.Append('/');
            output.Append(element);
        }

        return output.Length == 0 ? "." : output.ToString();
    }

    /// <summary>
    /// True when <see cref="Clean"/> would return the path unchanged. It may answer false for some clean paths
    /// (leading ".." elements, a lone "."); callers only use it to skip work.
    /// </summary>
    public static bool IsClean(ReadOnlySpan<char> path)
    {
        if (path.Length == 0)
            return false;
        if (path.Length == 1)
            return path[0] != '.';
        if (path[^1] == '/')
            return false;

        var start = path[0] == '/' ? 1 : 0;
        while (start <= path.Length)
        {
            var rest = path[start..];
            var length = rest.IndexOf('/');
            if (length < 0)
                length = rest.Length;
            var element = rest[..length];
            if (element.Length == 0 || element is "." || element is "..")
                return false;
            start += length + 1;
        }
        return true;
    }
}
