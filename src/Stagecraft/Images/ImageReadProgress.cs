namespace Stagecraft.Images;

/// <summary>
/// How far an image read has come, reported from the workers that read the layers: once before the first layer, after
/// every mebibyte or so of stored bytes a layer reads, and when each layer is done. Consumers must be cheap and
/// thread-safe; the counts only grow.
/// </summary>
/// <param name="LayersDone">Layers read to the end and verified.</param>
/// <param name="LayerCount">Layers in the image.</param>
/// <param name="StoredBytesRead">Stored (possibly compressed) bytes read so far, over all layers.</param>
/// <param name="StoredBytesTotal">Stored bytes of all layers, when the source knows every blob's length up front.</param>
public readonly record struct ImageReadProgress(int LayersDone, int LayerCount, long StoredBytesRead, long? StoredBytesTotal);
