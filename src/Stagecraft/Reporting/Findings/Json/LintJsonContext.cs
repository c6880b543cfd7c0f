using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.Findings.Json;

/// <summary>Source-generated serializers for the lint JSON, so the CLI stays trimmable and Native AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(LintJsonDocument))]
internal sealed partial class LintJsonContext : JsonSerializerContext;
