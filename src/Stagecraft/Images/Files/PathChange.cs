namespace Stagecraft.Images.Files;

/// <summary>One path a layer added, changed or removed.</summary>
/// <param name="EntryKind">The kind after the layer; for a removal, the kind it had before.</param>
/// <param name="Size">Data bytes of the layer's entry (added, changed); for a removal, of the entry removed. Hard links and directories 0.</param>
/// <param name="Entry">The layer's entry for the path; null for a removal or a directory the layer implied.</param>
public sealed record PathChange(string Path, PathChangeKind Kind, LayerEntryKind EntryKind, long Size, LayerEntry? Entry);
