using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>The command that builds the application in a stage, and the RUN it is in.</summary>
internal sealed record BuildStep(RunInstructionSyntax Run, RunScript Script, SourceBuild Build);

/// <summary>
/// Finds where a stage compiles or bundles its application: the first build command (go build, npm run build, …) that
/// does not remove its own toolchain afterwards, or a Python install or byte-compile that runs while a compiler the stage
/// installed is still there. Shared by STG013 and the multi-stage rewrite, so they agree on what "builds" means.
/// </summary>
internal static class StageBuilds
{
    public static BuildStep? Find(SemanticModel model, Stage stage)
    {
        // Every single-stage file comes through here: plain loops, and a RUN's commands are copied out only when it builds.
        var runs = new List<(RunInstructionSyntax Run, RunScript Script)>();
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is RunInstructionSyntax run && model.ScriptOf(run) is { } script)
                runs.Add((run, script));
        }
        var cleanedUp = false;
        foreach (var (run, script) in runs)
        {
            if (FirstBuild(script.Script) is not { } build)
                continue;
            if (!CleansUpAfter(Unwrapped(script.Script), build.Command))
                return new BuildStep(run, script, build);
            cleanedUp = true;
        }
        // A stage that builds something and cleans up after itself (the official python images compile Python so, then
        // pip-install setuptools with the headers still there) is a deliberate one-layer build, not a Python app's.
        return cleanedUp ? null : FindPythonBuild(runs);
    }

    private static SourceBuild? FirstBuild(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (SourceBuilds.Read(command.Unwrap()) is { } build)
                return build;
        }
        return null;
    }

    private static ShellCommand[] Unwrapped(ShellScript script)
    {
        var commands = new ShellCommand[script.Commands.Count];
        for (var i = 0; i < commands.Length; i++)
            commands[i] = script.Commands[i].Unwrap();
        return commands;
    }

    /// <summary>
    /// A RUN that builds and then removes its build dependencies, or the source folder it built in (<c>cd /usr/src/x</c> …
    /// <c>rm -rf /usr/src/x</c>), keeps them out of its layer already.
    /// </summary>
    public static bool CleansUpAfter(ShellCommand[] commands, ShellCommand build)
    {
        var start = build.Span.Start;
        ShellCommand? lastCd = null;
        foreach (var command in commands)
        {
            if (command.Span.Start > start && RemovesBuildDependencies(command))
                return true;
            if (command.Span.Start < start && command.IsNamed("cd") && command.Depth == 0)
                lastCd = command;
        }
        if (lastCd is not { PositionalArguments: [var target, ..] } || target.Value is not { } folder || !folder.StartsWith('/'))
            return false;
        var trimmedFolder = folder.TrimEnd('/');
        foreach (var command in commands)
        {
            if (command.Span.Start <= start || !command.IsNamed("rm"))
                continue;
            foreach (var argument in command.PositionalArguments)
            {
                var removed = argument.Value.TrimEnd('/');
                if (trimmedFolder == removed || (folder.Length > removed.Length && folder[removed.Length] == '/' && folder.StartsWith(removed, StringComparison.Ordinal)))
                    return true;
            }
        }
        return false;
    }

    private static bool RemovesBuildDependencies(ShellCommand command) =>
        (command.IsNamed("apk") && command.HasArgument("del"))
        || (command.IsNamed("apt-get", "apt") && (command.HasArgument("purge") || command.HasArgument("autoremove")))
        || (command.IsNamed("yum", "dnf") && (command.HasArgument("remove") || command.HasArgument("autoremove")));

    /// <summary>
    /// Python has no build command of its own; what makes a Python image a build is a compiler (or headers) installed
    /// and kept, then packages installed or sources byte-compiled with it present.
    /// </summary>
    private static BuildStep? FindPythonBuild(List<(RunInstructionSyntax Run, RunScript Script)> runs)
    {
        var compilerSeen = false;
        foreach (var (run, script) in runs)
        {
            ShellCommand[]? commands = null;
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (SystemPackages.ReadInstall(command) is { } install && BuildTools.InstallsAny(install, BuildToolKind.Compiler, BuildToolKind.Headers)
                    && !CleansUpAfter(commands ??= Unwrapped(script.Script), command))
                    compilerSeen = true;
                else if (compilerSeen && PythonBuildDescription(command) is { } description)
                    return new BuildStep(run, script, new SourceBuild(command, "python", description, null));
            }
        }
        return null;
    }

    /// <summary>Names a command that installs Python packages or byte-compiles sources (<c>pip install</c>, <c>python -m compileall</c>), or null.</summary>
    public static string? PythonBuildDescription(ShellCommand command)
    {
        var name = command.BaseName;
        if (name is null)
            return null;
        var words = command.PositionalArguments.Select(w => w.Value).ToArray();
        if (IsPip(name) && words.FirstOrDefault() == "install")
            return "pip install";
        if (IsPython(name))
        {
            var module = command.GetOptionValue("-m");
            // The generic reader cannot know -m takes a value, so the module may also be the first positional word.
            if (module is not null && words.FirstOrDefault() == module)
                words = words[1..];
            if (module is not null && IsPip(module) && words.FirstOrDefault() == "install")
                return "python -m pip install";
            if (module == "compileall")
                return "python -m compileall";
            if (words is ["setup.py", "install" or "build" or "build_ext" or "bdist_wheel", ..])
                return "python setup.py " + words[1];
        }
        return (name, words.FirstOrDefault()) switch
        {
            ("poetry", "install") => "poetry install",
            ("pipenv", "install" or "sync") => "pipenv " + words[0],
            ("uv", "sync") => "uv sync",
            ("uv", "pip") when words.Length > 1 && words[1] == "install" => "uv pip install",
            _ => null,
        };
    }

    public static bool IsPip(string name) => name is "pip" or "pip3" || (name.StartsWith("pip3.", StringComparison.Ordinal) && name.Length > 5);

    public static bool IsPython(string name) => name is "python" or "python3" || (name.StartsWith("python3.", StringComparison.Ordinal) && name.Length > 8);
}
