namespace Stagecraft.Images.Files;

/// <summary>A path of the merged filesystem, with the entry that put it there.</summary>
/// <param name="Kind">The entry's kind; <see cref="LayerEntryKind.Directory"/> for a directory no entry named.</param>
/// <param name="Size">A regular file's or hard link's data size (a hard link shows the data it shares); a directory's
/// merged subtree size (each file's data counted once, at one of its paths); 0 otherwise.</param>
/// <param name="Mode">The entry's mode bits; 0 for a directory no entry named.</param>
/// <param name="Layer">The layer whose entry (or whose paths, for an implied directory) put the path there; -1 for the root no layer named.</param>
/// <param name="Entry">The layer entry, including any captured content; null for a directory no entry named.</param>
public sealed record IndexedFile(string Path, LayerEntryKind Kind, long Size, int Mode, string? LinkTarget, int Layer, LayerEntry? Entry)
{
    /// <summary>A directory that exists only because paths under it do (no layer shipped an entry for it).</summary>
    public bool IsImpliedDirectory => Entry is null;
}
