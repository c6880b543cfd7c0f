using System.CommandLine;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Cli.Reporting;
using Stagecraft.Images.Sources;
using Stagecraft.Inputs;
using Stagecraft.Reporting.Findings;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft lint [PATH|GLOB|-]…</c>: finds Dockerfiles, lints each with the configuration that applies to it and
/// writes one or more reports. Exit 0 nothing at or above the threshold, 1 findings at or above it, 2 usage,
/// configuration or input error.
/// </summary>
internal static class LintCommand
{
    private const string None = "none";
    private static readonly string[] Thresholds = ["error", "warning", "info", "style", None];

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles, folders (searched recursively), globs such as 'services/*/Dockerfile', or - for standard input. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            // System.CommandLine takes an unknown "--flag" as a path; say what the user most likely meant.
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value is ['-', _, ..] && !File.Exists(value) && !Directory.Exists(value))
                    result.AddError($"unknown option '{value}' (for a file whose name starts with '-', write ./{value})");
            }
        });
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Report format: " + string.Join(", ", LintFormats.Names) + ". Repeatable; each --output after it names its file. " +
                "Default: tty on a terminal, gnu otherwise.",
            HelpName = "FORMAT",
            AllowMultipleArgumentsPerToken = false,
        };
        format.CompletionSources.Add(LintFormats.Names);
        format.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!LintFormats.Names.Contains(value))
                    result.AddError($"--format: unknown value '{value}'; expected {string.Join(", ", LintFormats.Names)}");
            }
        });
        var output = new Option<string[]>("--output", "-o")
        {
            Description = "Write the report of the --format just before it to FILE (atomically) instead of standard output.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var threshold = new Option<string?>("--failure-threshold")
        {
            Description = "Exit 1 when a finding is at least this severe: error, warning, info, style, or none to never fail " +
                "(default: the configuration's failure-threshold, else warning).",
            HelpName = "LEVEL",
        };
        threshold.CompletionSources.Add(Thresholds);
        threshold.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !Thresholds.Contains(value))
                result.AddError($"--failure-threshold: unknown value '{value}'; expected error, warning, info, style or none");
        });
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "Drop findings of this rule (id, alias or name). Repeatable; adds to the configuration's 'ignored'.",
            HelpName = "RULE",
            AllowMultipleArgumentsPerToken = false,
        };
        var enable = new Option<string[]>("--enable")
        {
            Description = "Run a rule that is off by default, such as STG119 (id, alias or name). Repeatable.",
            HelpName = "RULE",
            AllowMultipleArgumentsPerToken = false,
        };
        var target = new Option<string?>("--target")
        {
            Description = "Lint as if building this stage (name or index): stages it does not need are skipped as BuildKit skips them.",
            HelpName = "STAGE",
        };
        var context = new Option<string?>("--context")
        {
            Description = "The build context folder for every Dockerfile (default: each Dockerfile's own folder).",
            HelpName = "DIR",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Use this configuration file instead of searching for one. A file whose name (or folder) says hadolint, " +
                "such as .hadolint.yaml, is read in hadolint's format.",
            HelpName = "FILE",
        };
        var platform = new Option<string?>("--platform")
        {
            Description = "The platform the build is for (TARGETPLATFORM and the default of every FROM), as os/arch[/variant]. Default: this machine's.",
            HelpName = "PLATFORM",
        };
        var baseImages = new Option<string>("--base-images")
        {
            Description = "Look base images up to check their platform (InvalidBaseImagePlatform): daemon (the local Docker engine), " +
                "registry (manifests and configs only), auto (the engine, then the registry), or none, which keeps a lint offline.",
            HelpName = "SOURCE",
            DefaultValueFactory = _ => "none",
        };
        baseImages.AcceptOnlyFromAmong("none", "daemon", "registry", "auto");
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output (NO_COLOR and TERM=dumb do the same)." };
        var colorOption = new Option<bool>("--color") { Description = "Colour the output even when it is not a terminal (as FORCE_COLOR does)." };
        var fix = new Option<bool>("--fix") { Description = "First write the safe fixes (as `stagecraft fix --write` does), then report what remains." };

        var command = new Command("lint", """
            Lint Dockerfiles. A folder is searched recursively, hidden folders included, for
            Dockerfile, dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile and Containerfile,
            skipping what .gitignore ignores, .git/ and node_modules/. Settings come from
            .stagecraft.yaml, or without one from hadolint's .hadolint.yaml and HADOLINT_*
            variables (see docs/configuration.md). --fix writes the safe fixes first
            (docs/fix.md). Exit codes: 0 nothing at or above the
            failure threshold, 1 findings at or above it, 2 usage, configuration or input error.
            """)
        {
            paths, format, output, threshold, ignore, enable, target, platform, baseImages, context, config, noColor, colorOption, fix,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(noColor) && result.GetValue(colorOption))
                result.AddError("--color and --no-color cannot be used together");
        });
        command.SetAction(parse =>
        {
            bool? colorFlag = parse.GetValue(noColor) ? false : parse.GetValue(colorOption) ? true : null;
            var color = TerminalColors.Enabled(colorFlag, console);
            var outputs = LintOutputs.Pair(parse, format, output, console.OutputIsTerminal ? LintFormats.Tty : LintFormats.Gnu);
            var request = new LintRequest(
                parse.GetValue(paths) ?? [],
                outputs,
                parse.GetValue(threshold),
                parse.GetValue(ignore) ?? [],
                parse.GetValue(enable) ?? [],
                parse.GetValue(target),
                parse.GetValue(platform),
                parse.GetValue(baseImages) ?? "none",
                parse.GetValue(context),
                parse.GetValue(config),
                color);
            if (parse.GetValue(fix))
            {
                FixCommand.WriteSafeFixes(console, new FixCommand.FixRequest(request.Paths, Write: true, Rules: [], Unsafe: false, MultiStage: false, request.Context, request.Config)
                {
                    Ignore = request.Ignore,
                    Enable = request.Enable,
                });
            }
            return Run(console, request);
        });
        return command;
    }

    private sealed record LintRequest(
        string[] Paths, IReadOnlyList<LintOutput> Outputs, string? Threshold, string[] Ignore, string[] Enable, string? Target, string? Platform,
        string BaseImages, string? Context, string? Config, bool Color);

    private static int Run(CliConsole console, LintRequest request)
    {
        // Everything that can be wrong with the command line is checked before any file is read.
        var reporters = request.Outputs.Select(o => (Output: o, Reporter: Reporter(o, request.Color, console.WorkingDirectory))).ToArray();
        var extraIgnores = request.Ignore.Select(code => RuleLookup.Canonical(code)
            ?? throw new StagecraftException("--ignore: " + RuleLookup.UnknownMessage(code))).ToArray();
        var enabled = request.Enable.Select(code => RuleLookup.Canonical(code)
            ?? throw new StagecraftException("--enable: " + RuleLookup.UnknownMessage(code))).ToArray();
        var contextDirectory = ContextDirectory(console, request.Context);
        var configuration = ConfigurationSearch.Load(console.WorkingDirectory, request.Config, console.GetEnvironmentVariable);
        foreach (var note in configuration.Notes)
            console.Error.WriteLine("stagecraft: note: " + note);
        var threshold = request.Threshold is null
            ? configuration.Settings.FailureThreshold
            : request.Threshold == None ? null : Parse(request.Threshold);
        var host = ImagePlatform.Host;
        var hostPlatform = new Platform(host.Os, host.Architecture, host.Variant);
        var targetPlatform = request.Platform is null ? hostPlatform
            : Platform.TryParse(request.Platform, out var parsed) ? parsed!
            : throw new StagecraftException($"--platform {request.Platform}: expected os/arch or os/arch/variant, such as linux/arm64");
        var baseImages = request.BaseImages switch
        {
            "daemon" => new BaseImagePlatforms(BaseImageSources.Daemon),
            "registry" => new BaseImagePlatforms(BaseImageSources.Registry),
            "auto" => new BaseImagePlatforms(BaseImageSources.Auto),
            _ => null,
        };
        var settings = BuildSettings.Default with
        {
            Target = request.Target,
            TargetPlatform = targetPlatform,
            BuildPlatform = hostPlatform,
            BaseImages = baseImages ?? BaseImageLookup.None,
        };

        // Lint writes nothing, so one snapshot of each folder answers every file-exists question of the run.
        var files = FileProbe.ForRun();
        var dockerfiles = DockerfileDiscovery.Find(request.Paths, console.WorkingDirectory, files);
        // Most files share one configuration: merge the command line into it once, so every file gets the same instance
        // (the linter keeps the rules a configuration selects per instance).
        var merged = new System.Collections.Concurrent.ConcurrentDictionary<LintConfiguration, LintConfiguration>(ReferenceEqualityComparer.Instance);
        LintConfiguration WithCommandLine(LintConfiguration fileConfiguration) => extraIgnores.Length == 0 && enabled.Length == 0
            ? fileConfiguration
            : merged.GetOrAdd(fileConfiguration, static (file, extra) =>
            {
                if (extra.Ignores.Length > 0)
                    file = file with { Ignored = new HashSet<string>(file.Ignored.Concat(extra.Ignores), StringComparer.OrdinalIgnoreCase) };
                if (extra.Enabled.Length > 0)
                    file = file with { Enabled = new HashSet<string>(file.Enabled.Concat(extra.Enabled), StringComparer.OrdinalIgnoreCase) };
                return file;
            }, (Ignores: extraIgnores, Enabled: enabled));

        FileLintResult LintOne(int i)
        {
            var dockerfile = dockerfiles[i];
            var input = dockerfile.IsStandardInput
                ? DockerfileInput.Read(DockerfileInput.StandardInputPath, () => console.Input)
                : DockerfileInput.FromFile(dockerfile.FullPath!, dockerfile.DisplayPath);
            var fullPath = dockerfile.FullPath;
            var tree = SyntaxTree.Parse(input.Bytes, input.Path);
            if (request.Target is { } stage && SemanticModel.Build(tree, settings).TargetStage is null)
                throw new StagecraftException($"{input.Path}: --target {stage} names no stage of this Dockerfile");
            var fileConfiguration = WithCommandLine(configuration.For(fullPath));
            var buildContext = fullPath is null
                ? contextDirectory is null ? BuildContext.None : new BuildContext(contextDirectory, null) { Files = files }
                : BuildContext.ForFile(fullPath, contextDirectory) with { Files = files };
            var findings = Linter.Default.Lint(tree, input.Path, buildContext, fileConfiguration, settings);
            return new FileLintResult(input.Path, tree.Source, findings);
        }

        var results = InOrder.Map(dockerfiles.Count, LintOne);
        foreach (var note in baseImages?.Notes ?? [])
            console.Error.WriteLine("stagecraft: note: " + note);
        var report = new LintReport(results, threshold) { Configuration = configuration.Settings.Source };
        foreach (var (destination, reporter) in reporters)
        {
            if (destination.File is null)
            {
                // Reporters' writers flush every kilobyte or so; standard output is unbuffered, so gather the report first
                // (a repository's report took 540 write calls instead of a handful). 16 KB keeps those calls few without
                // clearing 64 KB of fresh memory for the one-line report of a single file.
                // Not disposed: that would close standard output.
                var buffered = new BufferedStream(console.Output, 1 << 14);
                reporter.Write(report, buffered);
                buffered.Flush();
            }
            else
            {
                AtomicFile.Write(Path.GetFullPath(destination.File, console.WorkingDirectory), destination.File, stream => reporter.Write(report, stream));
            }
        }
        return report.Fails ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static IFindingsReporter Reporter(LintOutput output, bool color, string workingDirectory)
    {
        if (output.Format == LintFormats.Tty)
            return new TtyReporter(color && output.File is null);
        return LintFormats.Engine(output.Format, workingDirectory)
            ?? throw new StagecraftException($"--format {output.Format}: not available in this build yet (available: {string.Join(", ", LintFormats.Available)})");
    }

    private static string? ContextDirectory(CliConsole console, string? context)
    {
        if (context is null)
            return null;
        var full = Path.GetFullPath(context, console.WorkingDirectory);
        return Directory.Exists(full) ? full : throw new StagecraftException($"--context {context}: no such folder");
    }

    private static Severity Parse(string severity) =>
        Severities.TryParse(severity, out var parsed) ? parsed : throw new StagecraftException($"unknown severity '{severity}'");
}
