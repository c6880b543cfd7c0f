namespace Stagecraft.Images.Facts;

/// <summary>Path pieces the observers share.</summary>
internal static class PathParts
{
    /// <summary>The folder holding <paramref name="path"/> ("/" for top-level entries).</summary>
    public static ReadOnlySpan<char> Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path.AsSpan(0, slash);
    }

    /// <summary>The last component of <paramref name="path"/>.</summary>
    public static ReadOnlySpan<char> Name(string path) => path.AsSpan(path.LastIndexOf('/') + 1);
}
