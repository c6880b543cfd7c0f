namespace Stagecraft.Images.Sources;

/// <summary>The manifest, index and config media types of the OCI image spec and Docker's manifest v2.</summary>
internal static class ManifestMediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsSchema1(string? mediaType) =>
        mediaType is "application/vnd.docker.distribution.manifest.v1+json" or "application/vnd.docker.distribution.manifest.v1+prettyjws";

    public static bool IsImageConfig(string? mediaType) => mediaType is OciConfig or DockerConfig;
}
