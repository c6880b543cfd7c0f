using System.Text.Json.Serialization;

namespace Stagecraft.Images.Sources;

/// <summary>An OCI content descriptor (also Docker manifest v2's): what a blob is, its digest and size.</summary>
internal sealed class OciDescriptorJson
{
    [JsonPropertyName("mediaType")] public string? MediaType { get; set; }
    [JsonPropertyName("digest")] public string? Digest { get; set; }
    [JsonPropertyName("size")] public long? Size { get; set; }
    [JsonPropertyName("urls")] public List<string>? Urls { get; set; }
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; set; }
    [JsonPropertyName("platform")] public OciPlatformJson? Platform { get; set; }
}

/// <summary>The platform object of an index entry.</summary>
internal sealed class OciPlatformJson
{
    [JsonPropertyName("architecture")] public string? Architecture { get; set; }
    [JsonPropertyName("os")] public string? Os { get; set; }
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    [JsonPropertyName("os.version")] public string? OsVersion { get; set; }
}

/// <summary>An image index or an image manifest: which one is decided by the media type, or failing that by the fields present.</summary>
internal sealed class OciManifestJson
{
    [JsonPropertyName("schemaVersion")] public int? SchemaVersion { get; set; }
    [JsonPropertyName("mediaType")] public string? MediaType { get; set; }
    [JsonPropertyName("config")] public OciDescriptorJson? Config { get; set; }
    [JsonPropertyName("layers")] public List<OciDescriptorJson>? Layers { get; set; }
    [JsonPropertyName("manifests")] public List<OciDescriptorJson>? Manifests { get; set; }
    [JsonPropertyName("annotations")] public Dictionary<string, string>? Annotations { get; set; }
}

/// <summary>The <c>oci-layout</c> marker file.</summary>
internal sealed class OciLayoutJson
{
    [JsonPropertyName("imageLayoutVersion")] public string? ImageLayoutVersion { get; set; }
}

/// <summary>One image of a <c>docker save</c> archive's manifest.json.</summary>
internal sealed class DockerArchiveEntryJson
{
    [JsonPropertyName("Config")] public string? Config { get; set; }
    [JsonPropertyName("RepoTags")] public List<string>? RepoTags { get; set; }
    [JsonPropertyName("Layers")] public List<string>? Layers { get; set; }
}
