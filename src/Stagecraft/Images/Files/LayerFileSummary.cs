namespace Stagecraft.Images.Files;

/// <summary>What one layer ships and what it does to the merged filesystem.</summary>
/// <param name="Index">0 for the bottom layer.</param>
/// <param name="EntryCount">All entries, directories and whiteout/opaque markers included.</param>
/// <param name="FileCount">Entries that are not directories nor markers: files, hard and symbolic links, devices, fifos.</param>
/// <param name="Size">Summed data sizes of the layer's regular-file entries (dive's layer size; a path shipped twice counts twice).</param>
/// <param name="AddedPaths">Paths absent below the layer and present after it (implied parent directories included).</param>
/// <param name="AddedBytes">Data bytes of the added paths' entries.</param>
/// <param name="ChangedPaths">Paths present below and shipped again (or re-created) by the layer.</param>
/// <param name="ChangedBytes">Data bytes the layer ships for the changed paths.</param>
/// <param name="RemovedPaths">Paths present below and gone after the layer, every path of a deleted subtree included.</param>
/// <param name="RemovedBytes">Data bytes of the removed paths' entries (a hard link removed counts 0).</param>
/// <param name="ReclaimableBytes">Bytes this layer ships that a later layer (or a duplicate in this one) made unreachable.</param>
/// <param name="ObsoletedBytes">Bytes shipped by this or lower layers that this layer made unreachable.</param>
public sealed record LayerFileSummary(
    int Index,
    int EntryCount,
    int FileCount,
    long Size,
    int AddedPaths,
    long AddedBytes,
    int ChangedPaths,
    long ChangedBytes,
    int RemovedPaths,
    long RemovedBytes,
    long ReclaimableBytes,
    long ObsoletedBytes);
