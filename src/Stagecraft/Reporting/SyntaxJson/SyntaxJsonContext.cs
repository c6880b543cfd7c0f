using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>Source-generated serializers for the parse JSON, so the CLI stays trimmable and Native AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SyntaxJsonDocument))]
internal sealed partial class SyntaxJsonContext : JsonSerializerContext;
