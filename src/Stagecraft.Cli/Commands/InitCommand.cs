using System.CommandLine;
using System.Text;
using Stagecraft.Cli.Reporting;
using Stagecraft.Generation;
using Stagecraft.Reporting;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft init [DIR]</c>: detects the application in DIR and writes its Dockerfile and .dockerignore; <c>--explain</c>
/// prints the plan with the evidence of each decision, <c>--dry-run</c> the change as a diff, neither writes.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The application's folder (default: the current folder). In a monorepo, the service's folder: services/api.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        directory.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is ['-', _, ..] && !Directory.Exists(value))
                result.AddError($"unknown option '{value}' (for a folder whose name starts with '-', write ./{value})");
        });
        var explain = new Option<bool>("--explain") { Description = "Print what was detected and why (file and key of each decision); write nothing." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the change as a unified diff (new files against /dev/null); write nothing." };
        var force = new Option<bool>("--force") { Description = "Replace an existing Dockerfile or .dockerignore, printing a unified diff of what changed." };
        var stack = new Option<string?>("--stack") { Description = "The stack instead of detecting it: " + string.Join(", ", StackNames.All) + ".", HelpName = "STACK" };
        stack.CompletionSources.Add([.. StackNames.All]);
        stack.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && StackNames.Parse(value) is null)
                result.AddError($"--stack: unknown stack '{value}'; expected {string.Join(", ", StackNames.All)}");
        });
        var version = new Option<string?>("--version")
        {
            Description = "The runtime or toolchain version: precise (22.11.0) or a line (22, 3.12, 1.24, 21, 10.0) for its newest release Stagecraft knows.",
            HelpName = "VERSION",
        };
        var port = new Option<int?>("--port") { Description = "The port the application listens on (EXPOSE and HEALTHCHECK).", HelpName = "PORT" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value is < 1 or > 65535)
                result.AddError($"--port: {value} is not a port (1-65535)");
        });
        var start = new Option<string?>("--start")
        {
            Description = "The command the image runs, as plain words (quotes group words): --start \"node dist/main.js\".",
            HelpName = "COMMAND",
        };
        start.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && CommandWords.Split(value) is null)
                result.AddError("--start: write the command as plain words, without shell operators, redirections or variables (wrap it in sh -c '…' if it needs a shell)");
        });
        var baseImage = new Option<string?>("--base")
        {
            Description = "The base image of the final stage, used as given (pin a version). For Rust, scratch or a static/alpine image means a musl build; for PHP, an -fpm image means PHP-FPM.",
            HelpName = "IMAGE",
        };
        var packageManager = new Option<string?>("--package-manager")
        {
            Description = "The package manager instead of detecting it: " + string.Join(", ", PackageManagerNames.All) + ".",
            HelpName = "PM",
        };
        packageManager.CompletionSources.Add([.. PackageManagerNames.All]);
        packageManager.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && PackageManagerNames.Parse(value) is null)
                result.AddError($"--package-manager: unknown package manager '{value}'; expected {string.Join(", ", PackageManagerNames.All)}");
        });

        var command = new Command("init", """
            Write a multi-stage Dockerfile and a .dockerignore for the application in DIR:
            Node.js (npm, yarn, pnpm), Python (pip, poetry, uv, pipenv), Go, Rust (cargo),
            Java (Maven, Gradle), .NET, Ruby (Bundler) or PHP (Composer). Every choice is
            detected from the project's files and can be set with a flag. Existing files are
            kept unless --force. The build context is DIR, except for an app inside a larger
            build (a Go module, Cargo workspace, Maven reactor, Gradle build or .NET solution
            folder), which builds from that root (see docs/init.md).
            Exit codes: 0 done, 2 usage error, nothing detected, conflicting files, or a file
            that exists without --force.
            """)
        {
            directory, explain, dryRun, force, stack, version, port, start, baseImage, packageManager,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(explain) && result.GetValue(dryRun))
                result.AddError("--explain and --dry-run cannot be used together");
        });
        command.SetAction(parse =>
        {
            var options = new PlanOptions
            {
                Stack = parse.GetValue(stack) is { } s ? StackNames.Parse(s) : null,
                Version = parse.GetValue(version),
                Port = parse.GetValue(port),
                Start = parse.GetValue(start) is { } c ? CommandWords.Split(c) : null,
                BaseImage = parse.GetValue(baseImage),
                PackageManager = parse.GetValue(packageManager) is { } pm ? PackageManagerNames.Parse(pm) : null,
            };
            var mode = parse.GetValue(explain) ? Mode.Explain : parse.GetValue(dryRun) ? Mode.DryRun : Mode.Write;
            return Run(console, parse.GetValue(directory)!, options, mode, parse.GetValue(force));
        });
        return command;
    }

    private enum Mode
    {
        Write,
        Explain,
        DryRun,
    }

    private static int Run(CliConsole console, string directory, PlanOptions options, Mode mode, bool force)
    {
        var fullPath = Path.GetFullPath(directory, console.WorkingDirectory);
        if (!Directory.Exists(fullPath))
            throw new StagecraftException(File.Exists(fullPath) ? $"{directory}: is a file; init takes the application's folder" : $"{directory}: no such folder");
        var plan = ProjectDetector.Detect(fullPath, options);
        var files = DockerfileGenerator.Generate(plan);
        var targets = new[]
        {
            (Path: Path.Combine(fullPath, "Dockerfile"), Text: files.Dockerfile),
            (Path: Path.Combine(fullPath, files.DockerIgnoreFileName), Text: files.DockerIgnore),
        };
        string Display(string path) => Path.GetRelativePath(console.WorkingDirectory, path).Replace('\\', '/');

        if (mode == Mode.Explain)
        {
            Write(console, PlanText.Format(plan, Display, targets.Select(t => Display(t.Path))));
            return ExitCodes.Success;
        }
        var existing = targets.Select(t => ReadExisting(t.Path, Display(t.Path))).ToArray();
        var diffs = new StringBuilder();
        for (var i = 0; i < targets.Length; i++)
            diffs.Append(UnifiedDiff.Create(Display(targets[i].Path), existing[i], targets[i].Text));
        if (mode == Mode.DryRun)
        {
            Write(console, diffs.ToString());
            return ExitCodes.Success;
        }
        var present = targets.Where((t, i) => existing[i] is not null).Select(t => Display(t.Path)).ToArray();
        if (present.Length > 0 && !force)
        {
            var what = string.Join(" and ", present);
            throw new StagecraftException($"{what} already exist{(present.Length == 1 ? "s" : "")}: pass --force to replace (the change is printed as a diff), or --dry-run to see it");
        }
        foreach (var note in plan.Notes)
            console.Error.WriteLine("stagecraft: note: " + note);
        var output = new StringBuilder(diffs.Length > 0 && present.Length > 0 ? diffs.ToString() : "");
        for (var i = 0; i < targets.Length; i++)
        {
            if (existing[i] == targets[i].Text)
            {
                output.Append($"unchanged {Display(targets[i].Path)}\n");
                continue;
            }
            AtomicFile.Write(targets[i].Path, Display(targets[i].Path), stream => stream.Write(Encoding.UTF8.GetBytes(targets[i].Text)));
            output.Append($"wrote {Display(targets[i].Path)}\n");
        }
        output.Append(PlanText.BuildHint(plan, Display));
        Write(console, output.ToString());
        return ExitCodes.Success;
    }

    private static string? ReadExisting(string path, string display)
    {
        if (Directory.Exists(path))
            throw new StagecraftException($"{display}: is a folder, where init writes a file");
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StagecraftException($"{display}: cannot read: {e.Message}", e);
        }
    }

    private static void Write(CliConsole console, string text)
    {
        console.Output.Write(Encoding.UTF8.GetBytes(text));
        console.Output.Flush();
    }
}
