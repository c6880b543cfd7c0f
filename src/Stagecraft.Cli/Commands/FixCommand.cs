using System.CommandLine;
using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Cli.Reporting;
using Stagecraft.Fixing;
using Stagecraft.Images.Sources;
using Stagecraft.Inputs;
using Stagecraft.Reporting;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft fix [PATH…]</c>: applies the fixes the rules attach to their findings. Prints a unified diff by default
/// (exit 1 when it is not empty, as a check that something is left to fix); <c>--write</c> changes the files atomically
/// and prints a summary on standard error (exit 0). A file that does not parse stops the run before anything is written (exit 2).
/// </summary>
internal static class FixCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles, folders (searched recursively), globs, or - for standard input. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value is ['-', _, ..] && !File.Exists(value) && !Directory.Exists(value))
                    result.AddError($"unknown option '{value}' (for a file whose name starts with '-', write ./{value})");
            }
        });
        var diff = new Option<bool>("--diff") { Description = "Print the changes as a unified diff and write nothing (the default). Exit 1 when there is something to fix." };
        var write = new Option<bool>("--write", "-w") { Description = "Change the files (atomically) and print a summary on standard error." };
        var rule = new Option<string[]>("--rule")
        {
            Description = "Apply only the fixes of this rule (id, alias or name). Repeatable. Turns on a rule that is off by default.",
            HelpName = "RULE",
            AllowMultipleArgumentsPerToken = false,
        };
        var @unsafe = new Option<bool>("--unsafe") { Description = "Also apply fixes that may change what the build does (merging RUNs, a USER, a pinned base, cache mounts). The diff is always printed." };
        var multiStage = new Option<bool>("--multi-stage") { Description = "Rewrite a single-stage build (STG013) into a builder and a runtime stage. The diff is always printed." };
        var context = new Option<string?>("--context") { Description = "The build context folder for every Dockerfile (default: each Dockerfile's own folder).", HelpName = "DIR" };
        var config = new Option<string?>("--config") { Description = "Use this configuration file instead of searching for one.", HelpName = "FILE" };
        var pinDigests = new Option<bool>("--pin-digests")
        {
            Description = "With --unsafe, the base-image pin (STG009) also adds the digest the registry gives for the precise tag (manifests only).",
        };

        var command = new Command("fix", """
            Apply the fixes of lint findings. Safe fixes only by default; --unsafe adds those
            that may change behaviour, --multi-stage the multi-stage rewrite; fixes meant for
            display only are never applied. Without --write, prints a unified diff. Exit
            codes: 0 nothing to fix (or --write done), 1 the diff is not empty, 2 usage,
            configuration or input error (such as a file that does not parse; nothing is
            written then). See docs/fix.md.
            """)
        {
            paths, diff, write, rule, @unsafe, multiStage, context, config, pinDigests,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(diff) && result.GetValue(write))
                result.AddError("--diff and --write cannot be used together");
            if (result.GetValue(pinDigests) && !result.GetValue(@unsafe))
                result.AddError("--pin-digests needs --unsafe: pinning a base image is an unsafe fix");
        });
        command.SetAction(parse => Run(console, new FixRequest(
            parse.GetValue(paths) ?? [],
            parse.GetValue(write),
            parse.GetValue(rule) ?? [],
            parse.GetValue(@unsafe),
            parse.GetValue(multiStage),
            parse.GetValue(context),
            parse.GetValue(config)) { PinDigests = parse.GetValue(pinDigests) }));
        return command;
    }

    internal sealed record FixRequest(string[] Paths, bool Write, string[] Rules, bool Unsafe, bool MultiStage, string? Context, string? Config)
    {
        /// <summary>Rule codes <c>lint --ignore</c> drops; their findings, and so their fixes, never appear.</summary>
        public string[] Ignore { get; init; } = [];

        /// <summary>Off-by-default rules <c>lint --enable</c> turns on.</summary>
        public string[] Enable { get; init; } = [];

        /// <summary>Ask the registries for the digest of each tag STG009's fix pins.</summary>
        public bool PinDigests { get; init; }
    }

    private static int Run(CliConsole console, FixRequest request)
    {
        var plan = Plan(console, request);
        var diff = plan.Diff();
        if (!request.Write)
        {
            Write(console, diff);
            WriteSummary(console, plan, "would apply");
            return diff.Length > 0 ? ExitCodes.Findings : ExitCodes.Success;
        }
        // A change that may alter the build is shown even when it is written (on standard error when the fixed
        // standard input goes to standard output).
        if (request.Unsafe || request.MultiStage)
        {
            if (plan.Files.Any(f => f.Dockerfile.IsStandardInput))
                console.Error.Write(diff);
            else
                Write(console, diff);
        }
        Apply(console, plan);
        WriteSummary(console, plan, "applied");
        return ExitCodes.Success;
    }

    /// <summary><c>lint --fix</c>: writes the safe fixes of every file, with a summary on standard error, before the lint runs.</summary>
    internal static void WriteSafeFixes(CliConsole console, FixRequest request)
    {
        if (request.Paths.Contains(DockerfileInput.StandardInputPath))
            throw new StagecraftException("--fix: standard input cannot be fixed in place; use `stagecraft fix -` to see the diff");
        var plan = Plan(console, request);
        Apply(console, plan);
        WriteSummary(console, plan, "applied");
    }

    private sealed record FilePlan(DiscoveredDockerfile Dockerfile, FixResult Result);

    private sealed record RunPlan(IReadOnlyList<FilePlan> Files, IReadOnlyList<FileChange> OtherFiles, Func<string, string> Display)
    {
        public string Diff()
        {
            var text = new StringBuilder();
            foreach (var file in Files.Where(f => !f.Result.Original.AsSpan().SequenceEqual(f.Result.Fixed)))
                text.Append(UnifiedDiff.Create(file.Result.Path, Decode(file.Result.Original), Decode(file.Result.Fixed)));
            foreach (var change in OtherFiles)
                text.Append(UnifiedDiff.Create(Display(change.Path), change.Before, change.After));
            return text.ToString();
        }
    }

    private static RunPlan Plan(CliConsole console, FixRequest request)
    {
        var rules = request.Rules.Select(code => RuleLookup.Find(code)?.Descriptor.Id
            ?? throw new StagecraftException("--rule: " + RuleLookup.UnknownMessage(code))).ToHashSet(StringComparer.Ordinal);
        var ignores = request.Ignore.Select(code => RuleLookup.Canonical(code)
            ?? throw new StagecraftException("--ignore: " + RuleLookup.UnknownMessage(code))).ToArray();
        var enabled = request.Enable.Select(code => RuleLookup.Canonical(code)
            ?? throw new StagecraftException("--enable: " + RuleLookup.UnknownMessage(code))).Concat(rules).ToArray();
        var selection = new FixSelection
        {
            IncludeUnsafe = request.Unsafe,
            MultiStage = request.MultiStage,
            Rules = rules.Count > 0 ? rules : null,
        };
        string? contextDirectory = null;
        if (request.Context is { } contextOption)
        {
            contextDirectory = Path.GetFullPath(contextOption, console.WorkingDirectory);
            if (!Directory.Exists(contextDirectory))
                throw new StagecraftException($"--context {contextOption}: no such folder");
        }
        var configuration = ConfigurationSearch.Load(console.WorkingDirectory, request.Config, console.GetEnvironmentVariable);
        foreach (var note in configuration.Notes)
            console.Error.WriteLine("stagecraft: note: " + note);
        var dockerfiles = DockerfileDiscovery.Find(request.Paths, console.WorkingDirectory);
        var digests = request.PinDigests ? new RegistryDigests() : null;
        var settings = BuildSettings.Default with { ImageDigests = digests ?? ImageDigestLookup.None };

        FilePlan FixOne(int i)
        {
            var dockerfile = dockerfiles[i];
            var input = dockerfile.IsStandardInput
                ? DockerfileInput.Read(DockerfileInput.StandardInputPath, () => console.Input)
                : DockerfileInput.FromFile(dockerfile.FullPath!, dockerfile.DisplayPath);
            var fileConfiguration = configuration.For(dockerfile.FullPath);
            if (ignores.Length > 0)
                fileConfiguration = fileConfiguration with { Ignored = new HashSet<string>(fileConfiguration.Ignored.Concat(ignores), StringComparer.OrdinalIgnoreCase) };
            if (enabled.Length > 0)
                fileConfiguration = fileConfiguration with { Enabled = new HashSet<string>(fileConfiguration.Enabled.Concat(enabled), StringComparer.OrdinalIgnoreCase) };
            var buildContext = dockerfile.FullPath is null
                ? contextDirectory is null ? BuildContext.None : new BuildContext(contextDirectory, null)
                : BuildContext.ForFile(dockerfile.FullPath, contextDirectory);
            var result = FixRunner.Run(input.Bytes, input.Path,
                tree => FixLinting.Linter.Lint(tree, input.Path, buildContext, fileConfiguration, settings), selection);
            return new FilePlan(dockerfile, result);
        }

        var files = InOrder.Map(dockerfiles.Count, FixOne);
        foreach (var note in digests?.Notes ?? [])
            console.Error.WriteLine("stagecraft: note: " + note);
        // Nothing is written when any file cannot be read as a Dockerfile: the user fixes it first.
        foreach (var file in files)
        {
            if (file.Result.ParseError is { } error)
            {
                var position = SyntaxTree.Parse(file.Result.Original).GetPosition(error.Span.Start);
                throw new StagecraftException($"{file.Result.Path}:{position.Line}:{position.Column}: {error.Message} (nothing was fixed)");
            }
        }
        var others = FileChanges.Plan(files.SelectMany(f => f.Result.FileEdits).Distinct());
        return new RunPlan(files, others, path => Display(console.WorkingDirectory, path));
    }

    private static void Apply(CliConsole console, RunPlan plan)
    {
        foreach (var file in plan.Files)
        {
            var result = file.Result;
            if (result.Original.AsSpan().SequenceEqual(result.Fixed))
                continue;
            if (file.Dockerfile.IsStandardInput)
            {
                console.Output.Write(result.Fixed);
                console.Output.Flush();
                continue;
            }
            AtomicFile.Write(file.Dockerfile.FullPath!, result.Path, stream => stream.Write(result.Fixed));
        }
        foreach (var change in plan.OtherFiles)
            AtomicFile.Write(change.Path, plan.Display(change.Path), stream => stream.Write(Encoding.UTF8.GetBytes(change.After)));
    }

    private static void WriteSummary(CliConsole console, RunPlan plan, string verb)
    {
        var error = console.Error;
        foreach (var file in plan.Files)
        {
            foreach (var skipped in file.Result.Skipped)
                error.WriteLine($"{file.Result.Path}:{skipped.Position.Line}:{skipped.Position.Column}: skipped {skipped.RuleId} fix \"{skipped.Title}\" (round {skipped.Round}): {skipped.Reason}");
            if (file.Result.StoppedEarly)
                error.WriteLine($"{file.Result.Path}: stagecraft: note: fixes were still changing the file after {FixRunner.MaxRounds} rounds; check the result");
        }
        var applied = plan.Files.Sum(f => f.Result.Applied.Count);
        var changed = plan.Files.Count(f => f.Result.Applied.Count > 0);
        var perRule = plan.Files.SelectMany(f => f.Result.Applied).GroupBy(a => a.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}");
        var summary = applied == 0
            ? "stagecraft: nothing to fix"
            : $"stagecraft: {verb} {applied} fix{(applied == 1 ? "" : "es")} in {changed} file{(changed == 1 ? "" : "s")} ({string.Join(", ", perRule)})";
        var skippedCount = plan.Files.Sum(f => f.Result.Skipped.Count);
        if (skippedCount > 0)
            summary += $", {skippedCount} skipped";
        error.WriteLine(summary);
        foreach (var change in plan.OtherFiles)
            error.WriteLine($"stagecraft: {(verb == "applied" ? "" : "would ")}{(change.Before is null ? "create" : "change")} {plan.Display(change.Path)}");
        var needUnsafe = plan.Files.Sum(f => f.Result.LeftOver.NeedUnsafe);
        var needMultiStage = plan.Files.Sum(f => f.Result.LeftOver.NeedMultiStage);
        if (needUnsafe > 0)
            error.WriteLine($"stagecraft: {needUnsafe} more fix{(needUnsafe == 1 ? "" : "es")} with --unsafe (they may change what the build does)");
        if (needMultiStage > 0)
            error.WriteLine($"stagecraft: {needMultiStage} multi-stage rewrite{(needMultiStage == 1 ? "" : "s")} with --multi-stage");
    }

    /// <summary>A path below the working folder relative to it, any other in full.</summary>
    private static string Display(string workingDirectory, string path)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void Write(CliConsole console, string text)
    {
        if (text.Length == 0)
            return;
        console.Output.Write(Encoding.UTF8.GetBytes(text));
        console.Output.Flush();
    }
}
