namespace Stagecraft.Images.Files;

/// <summary>
/// The order in which dive walks a layer's tree: depth first, children by name in byte order of their UTF-8 (that is,
/// Unicode code point order), each directory after everything under it. A whiteout marker is the child
/// <c>.wh.NAME</c> of the deleted path's directory.
/// </summary>
internal static class DiveOrder
{
    /// <summary>The path of the marker that deletes <paramref name="deletedPath"/>.</summary>
    public static string MarkerPath(string deletedPath)
    {
        var slash = deletedPath.LastIndexOf('/');
        return string.Concat(deletedPath.AsSpan(0, slash + 1), ".wh.", deletedPath.AsSpan(slash + 1));
    }

    /// <summary>Compares two '/'-rooted paths in dive's visiting order; a directory sorts after the paths under it.</summary>
    public static int Compare(string a, string b)
    {
        var i = 1;
        var j = 1;
        while (true)
        {
            var aDone = i >= a.Length;
            var bDone = j >= b.Length;
            if (aDone || bDone)
                return aDone && bDone ? 0 : aDone ? 1 : -1;
            var aEnd = a.IndexOf('/', i);
            if (aEnd < 0)
                aEnd = a.Length;
            var bEnd = b.IndexOf('/', j);
            if (bEnd < 0)
                bEnd = b.Length;
            var order = CompareCodePoints(a.AsSpan(i, aEnd - i), b.AsSpan(j, bEnd - j));
            if (order != 0)
                return order;
            i = aEnd + 1;
            j = bEnd + 1;
        }
    }

    /// <summary>Code point order of two UTF-16 strings (ordinal order puts U+E000..U+FFFF after surrogate pairs; UTF-8 bytes do not).</summary>
    public static int CompareCodePoints(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var common = Math.Min(a.Length, b.Length);
        for (var k = 0; k < common; k++)
        {
            if (a[k] != b[k])
                return Rank(a[k]) - Rank(b[k]);
        }
        return a.Length - b.Length;
    }

    private static int Rank(char c) => c >= 0xD800 && c <= 0xDFFF ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;
}
