using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Inspection;

/// <summary>One layer of an inspected image: its digests and sizes, what it does to the filesystem, and the step that made it.</summary>
/// <param name="Index">Position in the image, 0 for the bottom layer.</param>
/// <param name="Digest">Digest of the stored blob (equal to <paramref name="DiffId"/> for an uncompressed layer).</param>
/// <param name="DiffId">Digest of the uncompressed tar stream, as the config lists it.</param>
/// <param name="Size">Bytes of file data the layer ships (its regular files; what <c>docker history</c> and dive show as the layer's size).</param>
/// <param name="TarSize">Bytes of the uncompressed tar stream: <paramref name="Size"/> plus headers and padding.</param>
/// <param name="CompressedSize">Bytes of the stored blob: what a registry keeps and a pull moves.</param>
/// <param name="Files">Entries that are not directories nor whiteout markers: files, links, devices, fifos.</param>
/// <param name="Entries">Every entry of the layer's tar stream.</param>
/// <param name="ReclaimableBytes">Bytes this layer ships that a later layer overwrites or deletes.</param>
/// <param name="AddedPaths">Paths the layer adds to the filesystem.</param>
/// <param name="ChangedPaths">Paths present below that the layer ships again.</param>
/// <param name="RemovedPaths">Paths present below that the layer deletes (a deleted folder's contents included).</param>
/// <param name="History">The history entry that made the layer; null when the history does not say.</param>
/// <param name="Notes">What the reader noticed in this layer (duplicate entries, a media type that disagrees with the bytes).</param>
public sealed record InspectedLayer(
    int Index,
    BlobDigest Digest,
    BlobDigest DiffId,
    string MediaType,
    LayerCompression Compression,
    long Size,
    long TarSize,
    long CompressedSize,
    int Files,
    int Entries,
    long ReclaimableBytes,
    int AddedPaths,
    int ChangedPaths,
    int RemovedPaths,
    HistoryStep? History,
    IReadOnlyList<string> Notes)
{
    public string? CreatedBy => History?.CreatedBy;

    public DockerfileInstruction? Instruction => History?.Instruction;
}
