using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.Images;

/// <summary>Source-generated serializers for the inspect JSON, so the CLI stays trimmable and Native AOT-safe.</summary>
/// <remarks>Every field is written, null ones too: the schema is the same for every image, so scripts need no existence checks.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(InspectJsonDocument))]
internal sealed partial class InspectJsonContext : JsonSerializerContext;
