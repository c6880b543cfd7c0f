namespace Stagecraft.Images.Files;

/// <summary>Legal but unusual layer content the index met while merging.</summary>
public enum FileIndexNoteKind
{
    /// <summary>A layer holds the same path more than once; the last entry wins.</summary>
    DuplicateEntry,

    /// <summary>A whiteout deletes a path no lower layer left behind (nothing to delete).</summary>
    WhiteoutOfMissingPath,

    /// <summary>A hard link names a path that is not a file holding data when the link is applied; it counts no bytes.</summary>
    DanglingHardLink,

    /// <summary>An entry sits below a path a lower layer left as a non-directory; that path becomes a directory.</summary>
    NonDirectoryReplacedByParent,

    /// <summary>An entry for the root directory that is not a directory, or a whiteout of the root; ignored.</summary>
    IgnoredRootEntry,
}
