using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Stagecraft.Bench;
using Stagecraft.Syntax;

const double TargetParseMBps = 50;
const string Usage = """
    usage: Stagecraft.Bench [CORPUS_DIR] [--json FILE] [--quick] [--warmup SECONDS] [--max-warmup SECONDS]
                            [--sample SECONDS] [--samples N] [--budget SECONDS] [--profile SECONDS]

      CORPUS_DIR        folder of Dockerfiles (default: ../shared/corpus/dockerfiles beside the repository
                        root, the folder holding Stagecraft.slnx)
      --json FILE       also write the numbers as JSON
      --quick           short smoke run (0.25 s windows, 3 samples of 0.25 s); the numbers are not reliable
      --warmup SECONDS  warm up each measurement until, for this long, the JIT has compiled nothing and the
                        throughput has not risen by more than 5 % (default 1)
      --max-warmup SECONDS  but never longer than this (default 6)
      --sample SECONDS  minimum length of one timed sample (default 1)
      --samples N       timed samples per measurement; the median is reported (default 5)
      --budget SECONDS  cap on the timed part of one measurement, for pathological inputs (default 15)
      --profile SECONDS only parse the corpus (or examples) in a loop for SECONDS, printing the throughput
                        each second: a steady workload to attach a profiler to (see bench/README.md)
      --file-index      instead of the parser: time FileIndex builds from 100,000 and 1,000,000 synthetic
                        layer entries, with allocations and retained memory (with --quick: fewer samples)
      --lint-phases     instead of the parser: over the corpus, the time and bytes allocated of parsing, the
                        semantic model, the shell reader and a lint with every rule, and each rule's share
                        (best of 10 passes; with --quick 3)
    """;

string? corpusArgument = null;
string? jsonPath = null;
double? profileSeconds = null;
var fileIndex = false;
var lintPhases = false;
var quick = false;
var settings = new Settings(WarmupSeconds: 1, MaxWarmupSeconds: 6, SampleSeconds: 1, Samples: 5, BudgetSeconds: 15);
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        double Seconds() => double.Parse(Next(), CultureInfo.InvariantCulture) is var s && s > 0 ? s : throw new ArgumentException("a duration must be positive");
        switch (args[i])
        {
            case "-h" or "--help":
                Console.WriteLine(Usage);
                return 0;
            case "--json": jsonPath = Next(); break;
            case "--quick": quick = true; settings = settings with { WarmupSeconds = 0.25, MaxWarmupSeconds = 2, SampleSeconds = 0.25, Samples = 3 }; break;
            case "--warmup": settings = settings with { WarmupSeconds = Seconds() }; break;
            case "--max-warmup": settings = settings with { MaxWarmupSeconds = Seconds() }; break;
            case "--sample": settings = settings with { SampleSeconds = Seconds() }; break;
            case "--samples": settings = settings with { Samples = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
            case "--budget": settings = settings with { BudgetSeconds = Seconds() }; break;
            case "--profile": profileSeconds = Seconds(); break;
            case "--file-index": fileIndex = true; break;
            case "--lint-phases": lintPhases = true; break;
            case var a when a.StartsWith('-'): throw new ArgumentException($"unknown option {a}");
            case var a when corpusArgument is null: corpusArgument = a; break;
            default: throw new ArgumentException($"unexpected argument {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

if (fileIndex)
    return FileIndexBench.Run(quick);

var repositoryRoot = Inputs.FindRepositoryRoot();
string? corpusPath;
if (corpusArgument is not null)
{
    corpusPath = Path.GetFullPath(corpusArgument);
    if (!Directory.Exists(corpusPath))
    {
        Console.Error.WriteLine($"corpus folder not found: {corpusPath}");
        return 2;
    }
}
else
{
    corpusPath = repositoryRoot is null ? null : Path.GetFullPath(Path.Combine(repositoryRoot, Inputs.CorpusRelativePath));
    if (corpusPath is not null && !Directory.Exists(corpusPath))
        corpusPath = null;
}

if (lintPhases)
{
    if (corpusPath is null)
    {
        Console.Error.WriteLine("--lint-phases needs a corpus: give a folder of Dockerfiles (a fresh clone has no ../shared)");
        return 2;
    }
    return LintPhasesBench.Run(Inputs.LoadCorpus(corpusPath, out _), quick ? 3 : 10);
}

var optimized = IsOptimized(typeof(Harness).Assembly) && IsOptimized(typeof(SyntaxTree).Assembly);
var environment = new EnvironmentReport
{
    Runtime = RuntimeInformation.FrameworkDescription,
    Os = RuntimeInformation.OSDescription,
    Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
    ProcessorCount = Environment.ProcessorCount,
    Gc = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent"),
    OptimizedBuild = optimized,
};

Console.WriteLine("Stagecraft parser benchmark");
Console.WriteLine($"  runtime  {environment.Runtime}, {environment.Os} {environment.Architecture}, {environment.ProcessorCount} logical processors, {environment.Gc} GC");
Console.WriteLine($"  timing   one thread; each measurement warms up until steady ({settings.WarmupSeconds:0.##} s with no JIT compilation and");
Console.WriteLine($"           no 5 % gain; {settings.MaxWarmupSeconds:0.##} s at most), then reports the median of {settings.Samples} samples of >= {settings.SampleSeconds:0.##} s");
var loadAtStart = LoadAverage();
if (loadAtStart is not null)
    Console.WriteLine($"  load     {loadAtStart} (1/5/15-minute load average at start; other work on the machine skews the numbers)");
Console.WriteLine("  units    1 MB = 1,000,000 bytes. MB/s: input bytes per wall-clock second (median, and the slowest and");
Console.WriteLine("           fastest sample); CPU MB/s: per second of this process's CPU time, which a busy machine does not");
Console.WriteLine("           dilute; x baseline: CPU MB/s over the baseline's CPU MB/s on the same input; alloc: bytes");
Console.WriteLine("           allocated on this thread per input byte; GC %: share of the timed wall time paused for GC");
if (!optimized)
    Console.WriteLine("  WARNING  not an optimized build: run with -c Release; these numbers mean nothing");

// Everything is read into memory before anything is timed.
var inputs = new List<InputSet>();
InputSet? headline = null;
var skippedFiles = 0;
if (corpusPath is not null)
{
    var corpus = Inputs.LoadCorpus(corpusPath, out var skipped);
    skippedFiles = skipped;
    Console.WriteLine($"  corpus   {corpusPath}: {Files(corpus.Files.Count)}, {corpus.TotalBytes:N0} bytes" +
        (skipped > 0 ? $" ({skipped} .dockerignore files skipped)" : ""));
    if (corpus.Files.Count > 0)
    {
        inputs.Add(corpus);
        headline = corpus;
    }
}
else
{
    Console.WriteLine($"  corpus   not found ({(repositoryRoot is null ? "no Stagecraft.slnx above this program" : Path.GetFullPath(Path.Combine(repositoryRoot, Inputs.CorpusRelativePath)))}); " +
        "a fresh clone has no ../shared. Measuring the examples/ Dockerfiles (if any) and the synthetic inputs only.");
    var examples = repositoryRoot is null ? null : Inputs.LoadExamples(repositoryRoot);
    if (examples is not null)
    {
        Console.WriteLine($"  examples {Files(examples.Files.Count)}, {examples.TotalBytes:N0} bytes");
        inputs.Add(examples);
        headline = examples;
    }
    else
    {
        Console.WriteLine("  examples none found under examples/");
    }
}
if (profileSeconds is { } loopSeconds)
{
    if (headline is null)
    {
        Console.Error.WriteLine("--profile needs the corpus or examples/ Dockerfiles");
        return 2;
    }
    Console.WriteLine($"parsing {headline.Name} in a loop for {loopSeconds:0.##} s (pid {Environment.ProcessId})");
    var loop = System.Diagnostics.Stopwatch.StartNew();
    long loopPasses = 0, loopSink = 0, reportedPasses = 0;
    var reportedAt = 0.0;
    while (loop.Elapsed.TotalSeconds < loopSeconds)
    {
        loopSink += Workloads.ParseAll(headline.Files);
        loopPasses++;
        var now = loop.Elapsed.TotalSeconds;
        if (now - reportedAt >= 1)
        {
            // Per-second throughput shows when tiered JIT has settled.
            Console.WriteLine($"  {now,6:0.0} s  {headline.TotalBytes * (double)(loopPasses - reportedPasses) / (now - reportedAt) / 1_000_000,8:0.00} MB/s");
            reportedAt = now;
            reportedPasses = loopPasses;
        }
    }
    Console.WriteLine($"{loopPasses:N0} passes, {headline.TotalBytes * (double)loopPasses / loop.Elapsed.TotalSeconds / 1_000_000:0.00} MB/s (sink {loopSink})");
    return 0;
}
inputs.Add(Inputs.SingleLineRun(10_000_000));
inputs.Add(Inputs.ContinuationRun(100_000));
inputs.Add(Inputs.ManyInstructions(100_000));
Console.WriteLine();

// Correctness first: a benchmark of a parser that prints the wrong bytes measures nothing.
foreach (var input in inputs)
{
    var mismatches = Workloads.RoundTripMismatches(input.Files).ToList();
    if (mismatches.Count > 0)
    {
        Console.Error.WriteLine($"round-trip mismatch in {input.Name}: {string.Join(", ", mismatches.Take(10))}");
        return 1;
    }
}

var reports = new List<InputReport>();
const string Row = "{0,-14} {1,9} {2,-20} {3,9} {4,11} {5,7} {6,15} {7,6} {8,8}";
const int Width = 108;
Console.WriteLine(Row, "workload", "MB/s", "  (min .. max)", "CPU MB/s", "x baseline", "alloc", "GCs/pass 0/1/2", "GC %", "warm-up");
Console.WriteLine(new string('-', Width));
foreach (var input in inputs)
{
    var lines = Workloads.CountLines(input.Files);
    Console.WriteLine($"{input.Name}: {Files(input.Files.Count)}, {input.TotalBytes:N0} bytes, {lines:N0} line{(lines == 1 ? "" : "s")}");
    var workloads = new List<WorkloadReport>();
    double baselineMBps = 0, baselineCpuMBps = 0;
    foreach (var (name, pass) in new (string, Func<IReadOnlyList<InputFile>, long>)[]
             {
                 (Workloads.Baseline, Workloads.CountLines),
                 (Workloads.Parse, Workloads.ParseAll),
                 (Workloads.RoundTrip, Workloads.RoundTripAll),
             })
    {
        var m = Harness.Run(name, pass, input, settings);
        if (name == Workloads.Baseline)
        {
            baselineMBps = m.MedianMBps;
            baselineCpuMBps = m.MedianCpuMBps;
        }
        var report = new WorkloadReport
        {
            Name = name,
            MedianMBps = m.MedianMBps,
            MinMBps = m.MinMBps,
            MaxMBps = m.MaxMBps,
            SampleMBps = m.SampleMBps,
            PassesPerSample = m.PassesPerSample,
            RatioToBaseline = m.MedianMBps / baselineMBps,
            MedianCpuMBps = m.MedianCpuMBps,
            SampleCpuMBps = m.SampleCpuMBps,
            CpuRatioToBaseline = m.MedianCpuMBps / baselineCpuMBps,
            AllocatedBytesPerInputByte = m.AllocatedPerInputByte,
            Gen0PerPass = (double)m.Gen0 / m.PassesTimed,
            Gen1PerPass = (double)m.Gen1 / m.PassesTimed,
            Gen2PerPass = (double)m.Gen2 / m.PassesTimed,
            GcPauseShare = m.GcPauseShare,
            WarmupSeconds = m.WarmupSeconds,
            Shortened = m.Shortened,
        };
        workloads.Add(report);
        Console.WriteLine(Row,
            "  " + name,
            Number(report.MedianMBps),
            $"  ({Number(report.MinMBps)} .. {Number(report.MaxMBps)})",
            Number(report.MedianCpuMBps),
            name == Workloads.Baseline ? "1" : report.CpuRatioToBaseline.ToString("0.0000", CultureInfo.InvariantCulture),
            report.AllocatedBytesPerInputByte.ToString("0.00", CultureInfo.InvariantCulture),
            $"{Small(report.Gen0PerPass)}/{Small(report.Gen1PerPass)}/{Small(report.Gen2PerPass)}",
            (report.GcPauseShare * 100).ToString("0.0", CultureInfo.InvariantCulture),
            $"{report.WarmupSeconds:0.0} s");
        if (m.Shortened)
            Console.WriteLine($"    (only {m.SampleMBps.Length} sample(s): one pass takes {input.TotalBytes / (m.MedianMBps * 1_000_000):0.0} s)");
    }
    var errors = Workloads.FilesWithErrors(input.Files);
    if (errors > 0)
        Console.WriteLine($"    note: {errors:N0} of {input.Files.Count:N0} files have error diagnostics (they are still parsed in full)");
    reports.Add(new InputReport
    {
        Name = input.Name,
        Description = input.Description,
        Synthetic = input.IsSynthetic,
        Files = input.Files.Count,
        Bytes = input.TotalBytes,
        Lines = lines,
        FilesWithErrors = errors,
        Workloads = workloads,
    });
}
Console.WriteLine(new string('-', Width));

double? parseMBps = null, parseCpuMBps = null;
bool? meetsTarget = null;
if (headline is not null)
{
    var parse = reports.First(r => r.Name == headline.Name).Workloads.First(w => w.Name == Workloads.Parse);
    parseMBps = parse.MedianMBps;
    parseCpuMBps = parse.MedianCpuMBps;
    // "On one core": judged on CPU time, which is what one core delivers even when the machine is busy.
    meetsTarget = parse.MedianCpuMBps >= TargetParseMBps;
    Console.WriteLine($"parse on {headline.Name}: {Number(parse.MedianMBps)} MB/s wall, {Number(parse.MedianCpuMBps)} MB/s per CPU second = " +
        $"{parse.CpuRatioToBaseline:0.0000} x baseline (1/{1 / parse.CpuRatioToBaseline:N0}); {parse.AllocatedBytesPerInputByte:0.0} B allocated per input byte");
    Console.WriteLine($"aim: >= {TargetParseMBps} MB/s on one core (per CPU second): {(meetsTarget.Value ? "met" : "NOT MET")}");
}
var loadAtEnd = LoadAverage();
if (loadAtEnd is not null)
    Console.WriteLine($"load average at end: {loadAtEnd}");
Console.WriteLine($"(sink {Harness.Sink})");

if (jsonPath is not null)
{
    var report = new BenchReport
    {
        Timestamp = DateTimeOffset.UtcNow,
        Environment = environment,
        Settings = new SettingsReport
        {
            WarmupSeconds = settings.WarmupSeconds,
            MaxWarmupSeconds = settings.MaxWarmupSeconds,
            SampleSeconds = settings.SampleSeconds,
            Samples = settings.Samples,
            BudgetSeconds = settings.BudgetSeconds,
        },
        LoadAverageAtStart = loadAtStart,
        LoadAverageAtEnd = loadAtEnd,
        CorpusPath = corpusPath,
        CorpusFound = corpusPath is not null,
        CorpusSkippedFiles = skippedFiles,
        TargetParseMBps = TargetParseMBps,
        ParseMBps = parseMBps,
        ParseCpuMBps = parseCpuMBps,
        MeetsTarget = meetsTarget,
        Inputs = reports,
    };
    var directory = Path.GetDirectoryName(Path.GetFullPath(jsonPath));
    if (directory is not null)
        Directory.CreateDirectory(directory);
    File.WriteAllText(jsonPath, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport) + "\n");
    Console.WriteLine($"wrote {jsonPath}");
}
return 0;

static string Files(int count) => count == 1 ? "1 file" : $"{count:N0} files";

static string Number(double value) => value.ToString(value >= 100 ? "N0" : value >= 10 ? "N1" : "N2", CultureInfo.InvariantCulture);

static string Small(double value) => value == 0 ? "0" : value.ToString(value >= 10 ? "0" : value >= 1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

// Linux only: the 1, 5 and 15-minute load averages, to judge whether other work disturbed the run.
static string? LoadAverage()
{
    try
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return fields.Length >= 3 ? $"{fields[0]} {fields[1]} {fields[2]}" : null;
    }
    catch (IOException)
    {
        return null;
    }
    catch (UnauthorizedAccessException)
    {
        return null;
    }
}

static bool IsOptimized(Assembly assembly) =>
    assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
