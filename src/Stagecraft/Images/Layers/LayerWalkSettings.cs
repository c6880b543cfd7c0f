namespace Stagecraft.Images.Layers;

/// <summary>The per-layer limits and the content filter the walk applies; built from the caller's read options.</summary>
internal sealed record LayerWalkSettings(
    long MaxLayerBytes,
    double MaxCompressionRatio,
    long CompressionRatioCheckAfterBytes,
    int MaxTarMetadataBytes,
    Func<string, long, bool>? ContentWanted,
    int MaxContentBytesPerFile);
