namespace Stagecraft.Images.Files;

/// <summary>
/// One path of the index (every path any layer named, and their parent directories), with its state in the merged
/// filesystem. Present children form a doubly linked list through the child nodes, so deleting a subtree costs the
/// paths it removes and nothing for paths deleted earlier.
/// </summary>
internal struct PathNode
{
    /// <summary>The normalised path ("/" for the root).</summary>
    public string Path;

    public int Parent;
    public int FirstChild;
    public int NextSibling;
    public int PreviousSibling;

    /// <summary>The path exists in the merged filesystem after the layers applied so far.</summary>
    public bool Present;

    /// <summary>The present path is a directory (from an entry, or implied by the paths under it).</summary>
    public bool IsDirectory;

    /// <summary>The record that gave the present state; -1 for a directory no entry named (implied by its children).</summary>
    public int Current;

    /// <summary>The layer that gave the present state.</summary>
    public int Layer;

    /// <summary>The file data the present path holds (a regular file, or a hard link to one); -1 for none.</summary>
    public int Content;

    /// <summary>The newest record naming this path; records chain backwards through <see cref="IndexRecord.PreviousForPath"/>.</summary>
    public int LastRecord;

    /// <summary>The layer being applied when this path was first changed in it, and its state before that layer.</summary>
    public int TouchedLayer;
    public bool PresentBefore;
    public int RecordBefore;

    /// <summary>Place in the index's pre-order list of present paths, filled in when the index is built.</summary>
    public int Position;

    /// <summary>Bytes under a directory (file data counted once, at one path), filled in when the index is built.</summary>
    public long SubtreeSize;

    public static PathNode Create(string path, int parent) => new()
    {
        Path = path,
        Parent = parent,
        FirstChild = -1,
        NextSibling = -1,
        PreviousSibling = -1,
        Current = -1,
        Layer = -1,
        Content = -1,
        LastRecord = -1,
        TouchedLayer = -1,
        RecordBefore = -1,
    };
}
