using System.Text.Json.Serialization;

namespace Stagecraft.Bench;

/// <summary>The numbers of one run, as written by <c>--json FILE</c>. MB/s use 1 MB = 1,000,000 bytes.</summary>
internal sealed class BenchReport
{
    public int SchemaVersion { get; init; } = 1;
    public required DateTimeOffset Timestamp { get; init; }
    public required EnvironmentReport Environment { get; init; }
    public required SettingsReport Settings { get; init; }
    /// <summary>Linux 1/5/15-minute load averages; other work on the machine skews the numbers.</summary>
    public string? LoadAverageAtStart { get; init; }
    public string? LoadAverageAtEnd { get; init; }
    public string? CorpusPath { get; init; }
    public required bool CorpusFound { get; init; }
    /// <summary>Files under the corpus folder that were not measured (.dockerignore files, which are not Dockerfiles).</summary>
    public int CorpusSkippedFiles { get; init; }
    public required double TargetParseMBps { get; init; }
    /// <summary>Median parse MB/s on the corpus (or on the examples when there is no corpus); null when neither exists.</summary>
    public double? ParseMBps { get; init; }
    /// <summary>The same in bytes per CPU second.</summary>
    public double? ParseCpuMBps { get; init; }
    public bool? MeetsTarget { get; init; }
    public required List<InputReport> Inputs { get; init; }
}

internal sealed class EnvironmentReport
{
    public required string Runtime { get; init; }
    public required string Os { get; init; }
    public required string Architecture { get; init; }
    public required int ProcessorCount { get; init; }
    public required string Gc { get; init; }
    public required bool OptimizedBuild { get; init; }
}

internal sealed class SettingsReport
{
    public required double WarmupSeconds { get; init; }
    public required double MaxWarmupSeconds { get; init; }
    public required double SampleSeconds { get; init; }
    public required int Samples { get; init; }
    public required double BudgetSeconds { get; init; }
}

internal sealed class InputReport
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required bool Synthetic { get; init; }
    public required int Files { get; init; }
    public required long Bytes { get; init; }
    public required long Lines { get; init; }
    public required int FilesWithErrors { get; init; }
    public required List<WorkloadReport> Workloads { get; init; }
}

internal sealed class WorkloadReport
{
    public required string Name { get; init; }
    public required double MedianMBps { get; init; }
    public required double MinMBps { get; init; }
    public required double MaxMBps { get; init; }
    public required double[] SampleMBps { get; init; }
    /// <summary>Median of bytes per process CPU second: the throughput one core gives, however busy the machine was.</summary>
    public required double MedianCpuMBps { get; init; }
    public required double[] SampleCpuMBps { get; init; }
    /// <summary>Median CPU MB/s divided by the baseline's median CPU MB/s.</summary>
    public required double CpuRatioToBaseline { get; init; }
    public required long PassesPerSample { get; init; }
    /// <summary>Median MB/s divided by the baseline's median MB/s on the same input in the same run.</summary>
    public required double RatioToBaseline { get; init; }
    public required double AllocatedBytesPerInputByte { get; init; }
    public required double Gen0PerPass { get; init; }
    public required double Gen1PerPass { get; init; }
    public required double Gen2PerPass { get; init; }
    /// <summary>Share of the timed seconds spent paused for garbage collection (GC.GetTotalPauseDuration).</summary>
    public required double GcPauseShare { get; init; }
    public required double WarmupSeconds { get; init; }
    /// <summary>True when a slow input got fewer samples to stay within the time budget.</summary>
    public required bool Shortened { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
