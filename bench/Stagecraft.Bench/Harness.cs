using System.Diagnostics;
using System.Runtime;

namespace Stagecraft.Bench;

internal sealed record Settings(double WarmupSeconds, double MaxWarmupSeconds, double SampleSeconds, int Samples, double BudgetSeconds);

/// <summary>The timing of one workload on one input set.</summary>
internal sealed class Measurement
{
    public required string Workload { get; init; }
    public required long BytesPerPass { get; init; }
    public required long PassesPerSample { get; init; }
    public required double[] SampleMBps { get; init; }
    /// <summary>Per sample: bytes per second of process CPU time (user + system), which other work on the machine does not dilute.</summary>
    public required double[] SampleCpuMBps { get; init; }
    public required long AllocatedBytes { get; init; }
    public required long PassesTimed { get; init; }
    public required int Gen0 { get; init; }
    public required int Gen1 { get; init; }
    public required int Gen2 { get; init; }
    /// <summary>Share of the timed seconds spent with the runtime paused for garbage collection.</summary>
    public required double GcPauseShare { get; init; }
    public required bool Shortened { get; init; }
    public required double WarmupSeconds { get; init; }
    public required long WarmupPasses { get; init; }

    public double MedianMBps => Median(SampleMBps);
    public double MedianCpuMBps => Median(SampleCpuMBps);
    public double MinMBps => SampleMBps.Min();
    public double MaxMBps => SampleMBps.Max();
    public double AllocatedPerInputByte => (double)AllocatedBytes / (BytesPerPass * PassesTimed);

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>
/// A plain Stopwatch harness, single-threaded: warm up until the throughput stops rising, size a sample so it lasts at least
/// <see cref="Settings.SampleSeconds"/>, time several samples, keep every sample's MB/s (1 MB = 1,000,000 bytes).
/// Each sample is also timed in process CPU seconds (<c>Process.TotalProcessorTime</c>): after the warm-up the
/// process runs nothing but this thread (the GC is workstation and non-concurrent, so it runs on this thread too),
/// and CPU time does not count the time the thread waited for a core while other programs ran.
/// Allocation is <c>GC.GetAllocatedBytesForCurrentThread()</c> summed over the timed samples.
/// </summary>
internal static class Harness
{
    private static long _sink;

    /// <summary>Folded results of every pass, printed at the end so no pass is dead code.</summary>
    public static long Sink => _sink;

    public static Measurement Run(string workload, Func<IReadOnlyList<InputFile>, long> pass, InputSet input, Settings settings)
    {
        var files = input.Files;

        // Warm-up in rounds of >= 0.25 s. Tiered JIT and dynamic PGO keep recompiling hot methods for a few seconds
        // (longer on a busy machine, where the background compiler gets little CPU), and a method can sit at tier 0
        // for a while before it is promoted, so a flat throughput alone does not prove the code is final. Stop when,
        // for WarmupSeconds, the JIT has compiled nothing and the throughput has not risen by more than 5 %;
        // or after MaxWarmupSeconds.
        var warm = Stopwatch.StartNew();
        long warmPasses = 0;
        var best = 0.0;
        var settledSince = 0.0;
        var compiled = JitInfo.GetCompiledMethodCount();
        var secondsPerPass = double.MaxValue;
        while (true)
        {
            var roundStart = warm.Elapsed.TotalSeconds;
            long roundPasses = 0;
            do
            {
                _sink += pass(files);
                roundPasses++;
            }
            while (warm.Elapsed.TotalSeconds - roundStart < 0.25);
            warmPasses += roundPasses;
            var now = warm.Elapsed.TotalSeconds;
            var roundSecondsPerPass = (now - roundStart) / roundPasses;
            secondsPerPass = Math.Min(secondsPerPass, roundSecondsPerPass);
            var compiledNow = JitInfo.GetCompiledMethodCount();
            if (1 / roundSecondsPerPass > best * 1.05 || compiledNow != compiled)
                settledSince = now;
            best = Math.Max(best, 1 / roundSecondsPerPass);
            compiled = compiledNow;
            if (now - settledSince >= settings.WarmupSeconds || now >= settings.MaxWarmupSeconds
                || roundSecondsPerPass * settings.Samples > settings.BudgetSeconds)
                break;
        }
        var warmupSeconds = warm.Elapsed.TotalSeconds;

        var passesPerSample = Math.Max(1, (long)Math.Ceiling(settings.SampleSeconds / secondsPerPass));
        var samples = settings.Samples;
        var shortened = false;
        // A pathological (for example quadratic) input must not hold the run hostage: keep the total within the budget.
        if (samples > 1 && passesPerSample * secondsPerPass * samples > settings.BudgetSeconds)
        {
            samples = Math.Max(1, (int)(settings.BudgetSeconds / (passesPerSample * secondsPerPass)));
            shortened = true;
        }

        var mbps = new double[samples];
        var cpuMBps = new double[samples];
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        var timed = 0.0;
        for (var s = 0; s < samples; s++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (long p = 0; p < passesPerSample; p++)
                _sink += pass(files);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            timed += elapsed;
            mbps[s] = input.TotalBytes * (double)passesPerSample / elapsed / 1_000_000;
            cpuMBps[s] = input.TotalBytes * (double)passesPerSample / Math.Max(cpu, 1e-9) / 1_000_000;
        }

        return new Measurement
        {
            Workload = workload,
            BytesPerPass = input.TotalBytes,
            PassesPerSample = passesPerSample,
            SampleMBps = mbps,
            SampleCpuMBps = cpuMBps,
            AllocatedBytes = allocated,
            PassesTimed = passesPerSample * samples,
            Gen0 = GC.CollectionCount(0) - gen0,
            Gen1 = GC.CollectionCount(1) - gen1,
            Gen2 = GC.CollectionCount(2) - gen2,
            GcPauseShare = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds / timed,
            Shortened = shortened,
            WarmupSeconds = warmupSeconds,
            WarmupPasses = warmPasses,
        };
    }
}
