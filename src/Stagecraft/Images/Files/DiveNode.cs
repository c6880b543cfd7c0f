using System.Runtime.InteropServices;

namespace Stagecraft.Images.Files;

/// <summary>A path as dive sees it: in its stacked tree, in the layer being visited, and in its per-path efficiency data.</summary>
/// <remarks>Layer stamps hold the layer index plus one, so a fresh node carries none. Auto layout packs the flags
/// after the numbers instead of padding each one to the next field's alignment.</remarks>
[StructLayout(LayoutKind.Auto)]
internal struct DiveNode
{
    /// <summary>In dive's stack of the layers visited so far (opaque markers ignored, a replaced directory keeps its children).</summary>
    public bool Present;
    public int FirstChild;
    public int NextSibling;
    public int PreviousSibling;

    /// <summary>The payload dive stacked last: the entry's directory flag and tar size, or none for a directory no entry named.</summary>
    public bool IsDirectory;
    public long Size;

    /// <summary>A node of the visited layer's own tree (an entry, a parent of one, or a directory holding an opaque marker).</summary>
    public int InLayer;

    /// <summary>Has a child in the visited layer's tree, so it is not a leaf there.</summary>
    public int HasChildInLayer;

    /// <summary>The visited layer has a whiteout marker for this path.</summary>
    public int MarkerInLayer;

    /// <summary>The visited layer deletes this path and ships it (or something under it) too.</summary>
    public int ConflictInLayer;

    /// <summary>The visited layer has an entry for this path; <see cref="PayloadRecord"/> is its last one.</summary>
    public int PayloadLayer;
    public int PayloadRecord;

    /// <summary>The last layer with an occurrence of this path.</summary>
    public int OccurredInLayer;

    public bool Seen;
    public int Count;
    public long Cumulative;

    /// <summary>The smallest occurrence; -1 while the path has only a failed whiteout lookup (as in dive).</summary>
    public long Smallest;

    /// <summary>When the path reached its second occurrence, in dive's visiting order (its tie-break when sorting).</summary>
    public int InefficientOrder;
}
