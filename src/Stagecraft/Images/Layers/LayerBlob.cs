namespace Stagecraft.Images.Layers;

/// <summary>One layer as a source offers it: how to open its stored bytes and what the manifest and config promise about them.</summary>
/// <param name="Where">The file and member or blob, for messages ("app.tar: layer 3 (blobs/sha256/ab12…)").</param>
/// <param name="Open">Opens the stored (possibly compressed) bytes; called exactly once, on the worker that reads the layer.</param>
/// <param name="StoredLength">The stored size when known without reading (used to order work and to check the descriptor's size first).</param>
internal sealed record LayerBlob(
    int Index,
    string Where,
    Func<Stream> Open,
    long? StoredLength,
    BlobDigest? ExpectedDigest,
    long? ExpectedSize,
    BlobDigest? ExpectedDiffId,
    string? MediaType,
    IReadOnlyDictionary<string, string>? Annotations);
