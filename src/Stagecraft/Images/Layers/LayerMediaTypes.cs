namespace Stagecraft.Images.Layers;

/// <summary>The layer media types of the OCI image spec and Docker's manifest v2, and what compression each declares.</summary>
public static class LayerMediaTypes
{
    public const string OciTar = "application/vnd.oci.image.layer.v1.tar";
    public const string OciTarGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciTarZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    public const string DockerTar = "application/vnd.docker.image.rootfs.diff.tar";
    public const string DockerTarGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string DockerForeignTarGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    /// <summary>The eStargz descriptor annotation naming the digest of the table of contents.</summary>
    public const string EStargzTocAnnotation = "containerd.io/snapshot/stargz/toc.digest";

    /// <summary>The compression a media type declares; null when it is not a layer type this reader knows.</summary>
    public static LayerCompression? DeclaredCompression(string? mediaType) => mediaType switch
    {
        OciTar or DockerTar or "application/vnd.oci.image.layer.nondistributable.v1.tar" => LayerCompression.None,
        OciTarGzip or DockerTarGzip or DockerForeignTarGzip or "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip" => LayerCompression.Gzip,
        OciTarZstd or "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd" => LayerCompression.Zstd,
        _ => null,
    };

    /// <summary>The media type to report for a layer whose source declared none (legacy <c>docker save</c> archives).</summary>
    public static string ForLegacyArchive(LayerCompression compression) => compression switch
    {
        LayerCompression.None => DockerTar,
        LayerCompression.Zstd => OciTarZstd,
        _ => DockerTarGzip,
    };
}
