namespace Stagecraft.Images.Files;

/// <summary>What a layer did to a path of the merged filesystem, comparing the paths before and after the layer.</summary>
public enum PathChangeKind
{
    /// <summary>The path was absent below the layer and is present after it.</summary>
    Added,

    /// <summary>The path was present below the layer and the layer shipped it again (content, type or metadata), or re-created it.</summary>
    Changed,

    /// <summary>The path was present below the layer and is gone after it (a whiteout, an opaque directory, or a directory replaced by a file).</summary>
    Removed,
}
