using System.Text.Json.Serialization;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>GET /version: the API versions the engine speaks.</summary>
internal sealed class DockerVersionJson
{
    [JsonPropertyName("Version")] public string? Version { get; set; }
    [JsonPropertyName("ApiVersion")] public string? ApiVersion { get; set; }
    [JsonPropertyName("MinAPIVersion")] public string? MinApiVersion { get; set; }
}

/// <summary>GET /images/{name}/json: only what this reader uses.</summary>
internal sealed class DockerImageInspectJson
{
    [JsonPropertyName("Id")] public string? Id { get; set; }
    [JsonPropertyName("Os")] public string? Os { get; set; }
    [JsonPropertyName("Architecture")] public string? Architecture { get; set; }
    [JsonPropertyName("Variant")] public string? Variant { get; set; }
    [JsonPropertyName("RootFS")] public DockerRootFsJson? RootFs { get; set; }
}

/// <summary>The image's layer diff ids, as the engine lists them: their count is the export's layer count.</summary>
internal sealed class DockerRootFsJson
{
    [JsonPropertyName("Layers")] public string[]? Layers { get; set; }
}

/// <summary>The body of an engine error response.</summary>
internal sealed class DockerErrorJson
{
    [JsonPropertyName("message")] public string? Message { get; set; }
}

/// <summary>Source-generated readers for the engine's answers (no reflection, for the AOT binary).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DockerVersionJson))]
[JsonSerializable(typeof(DockerImageInspectJson))]
[JsonSerializable(typeof(DockerErrorJson))]
internal sealed partial class DockerEngineJsonContext : JsonSerializerContext;
