using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.Findings.Sarif;

/// <summary>Source-generated serializers for SARIF, so the CLI stays trimmable and Native AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifContext : JsonSerializerContext;
