namespace Stagecraft.Images.Files;

/// <summary>Why shipped file data did not reach the final filesystem.</summary>
public enum ReclaimReason
{
    /// <summary>A later layer shipped the same path again: new content, a metadata-only change (chmod, chown, touch) or another type.</summary>
    Overwritten,

    /// <summary>A whiteout deleted the path or a directory above it.</summary>
    Deleted,

    /// <summary>An opaque directory marker hid the directory's lower contents.</summary>
    HiddenByOpaqueDirectory,

    /// <summary>A directory above the path was replaced by a non-directory.</summary>
    DirectoryReplaced,

    /// <summary>The same layer holds the path twice; the earlier copy is shipped but never seen (the last entry wins).</summary>
    DuplicateInLayer,
}
