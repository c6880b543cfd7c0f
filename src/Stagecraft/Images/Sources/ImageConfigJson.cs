using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stagecraft.Images.Sources;

/// <summary>An image config blob (OCI image config / Docker image JSON), the parts <see cref="ImageConfig"/> needs.</summary>
internal sealed class ImageConfigJson
{
    [JsonPropertyName("architecture")] public string? Architecture { get; set; }
    [JsonPropertyName("os")] public string? Os { get; set; }
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    [JsonPropertyName("created")] public string? Created { get; set; }
    [JsonPropertyName("config")] public ContainerConfigJson? Config { get; set; }
    [JsonPropertyName("rootfs")] public RootFsJson? RootFs { get; set; }
    [JsonPropertyName("history")] public List<HistoryJson>? History { get; set; }
}

/// <summary>The "config" object: how a container of the image runs.</summary>
internal sealed class ContainerConfigJson
{
    [JsonPropertyName("User")] public string? User { get; set; }
    [JsonPropertyName("Env")] public List<string>? Env { get; set; }
    [JsonPropertyName("Entrypoint")] public List<string>? Entrypoint { get; set; }
    [JsonPropertyName("Cmd")] public List<string>? Cmd { get; set; }
    [JsonPropertyName("WorkingDir")] public string? WorkingDir { get; set; }
    [JsonPropertyName("ExposedPorts")] public Dictionary<string, JsonElement>? ExposedPorts { get; set; }
    [JsonPropertyName("Labels")] public Dictionary<string, string?>? Labels { get; set; }
    [JsonPropertyName("Healthcheck")] public HealthcheckJson? Healthcheck { get; set; }
    [JsonPropertyName("Shell")] public List<string>? Shell { get; set; }
    [JsonPropertyName("StopSignal")] public string? StopSignal { get; set; }
}

/// <summary>A HEALTHCHECK as stored: durations in nanoseconds.</summary>
internal sealed class HealthcheckJson
{
    [JsonPropertyName("Test")] public List<string>? Test { get; set; }
    [JsonPropertyName("Interval")] public long? Interval { get; set; }
    [JsonPropertyName("Timeout")] public long? Timeout { get; set; }
    [JsonPropertyName("StartPeriod")] public long? StartPeriod { get; set; }
    [JsonPropertyName("Retries")] public int? Retries { get; set; }
}

/// <summary>The "rootfs" object: the layers' diff ids.</summary>
internal sealed class RootFsJson
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("diff_ids")] public List<string>? DiffIds { get; set; }
}

/// <summary>One "history" entry.</summary>
internal sealed class HistoryJson
{
    [JsonPropertyName("created")] public string? Created { get; set; }
    [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    [JsonPropertyName("empty_layer")] public bool? EmptyLayer { get; set; }
}
