namespace Stagecraft.Images;

/// <summary>What a tar entry of a layer is, with the overlay whiteout markers recognised.</summary>
public enum LayerEntryKind
{
    File,
    Directory,
    Symlink,
    Hardlink,
    CharacterDevice,
    BlockDevice,
    Fifo,

    /// <summary>A <c>.wh.NAME</c> marker: the layer deletes <see cref="LayerEntry.Path"/> (and everything under it).</summary>
    Whiteout,

    /// <summary>A <c>.wh..wh..opq</c> marker: the layer hides everything lower layers had under the directory <see cref="LayerEntry.Path"/>.</summary>
    OpaqueDirectory,
}
