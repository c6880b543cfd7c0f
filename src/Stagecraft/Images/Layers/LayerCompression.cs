namespace Stagecraft.Images.Layers;

/// <summary>How a layer blob is compressed, as read from its first bytes (and, for eStargz, its descriptor or footer).</summary>
public enum LayerCompression
{
    None,
    Gzip,
    Zstd,

    /// <summary>Gzip whose members can be read one file at a time, with a table of contents at the end that the walk skips.</summary>
    EStargz,
}
