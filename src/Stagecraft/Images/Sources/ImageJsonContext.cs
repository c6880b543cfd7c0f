using System.Text.Json.Serialization;

namespace Stagecraft.Images.Sources;

/// <summary>
/// Source-generated readers for image JSON, so the AOT binary needs no reflection. Property names match without
/// regard to case, as Go's encoding/json (which wrote most of these files) does.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(OciManifestJson))]
[JsonSerializable(typeof(OciLayoutJson))]
[JsonSerializable(typeof(List<DockerArchiveEntryJson>))]
[JsonSerializable(typeof(ImageConfigJson))]
internal sealed partial class ImageJsonContext : JsonSerializerContext;
