namespace Stagecraft.Images.Facts;

/// <summary>A part of the facts that looks at every entry of the merged filesystem once, in the single pass <see cref="ImageFacts.Collect"/> makes.</summary>
internal interface IEntryObserver
{
    void Observe(LayerEntry entry);
}

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
