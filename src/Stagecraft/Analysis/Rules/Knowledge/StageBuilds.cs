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
        (RunInstructionSyntax Run, RunScript Script)[] runs =
        [
            .. stage.Instructions.OfType<RunInstructionSyntax>().Select(run => (run, model.ScriptOf(run))).Where(r => r.Item2 is not null).Select(r => (r.run, r.Item2!)),
        ];
        var cleanedUp = false;
        foreach (var (run, script) in runs)
        {
            var commands = script.Script.Commands.Select(c => c.Unwrap()).ToArray();
            var build = commands.Select(SourceBuilds.Read).FirstOrDefault(b => b is not null);
            if (build is not null && !CleansUpAfter(commands, build.Command))
                return new BuildStep(run, script, build);
            cleanedUp |= build is not null;
        }
        // A stage that builds something and cleans up after itself (the official python images compile Python so, then
        // pip-install setuptools with the headers still there) is a deliberate one-layer build, not a Python app's.
        return cleanedUp ? null : FindPythonBuild(runs);
    }

    /// <summary>
    /// A RUN that builds and then removes its build dependencies, or the source folder it built in (<c>cd /usr/src/x</c> …
    /// <c>rm -rf /usr/src/x</c>), keeps them out of its layer already.
    /// </summary>
    public static bool CleansUpAfter(ShellCommand[] commands, ShellCommand build)
    {
        var after = commands.Where(c => c.Span.Start > build.Span.Start).ToArray();
        if (after.Any(c => (c.IsNamed("apk") && c.HasArgument("del"))
            || (c.IsNamed("apt-get", "apt") && (c.HasArgument("purge") || c.HasArgument("autoremove")))
            || (c.IsNamed("yum", "dnf") && (c.HasArgument("remove") || c.HasArgument("autoremove")))))
            return true;
        var folder = commands.LastOrDefault(c => c.Span.Start < build.Span.Start && c.IsNamed("cd") && c.Depth == 0)?.PositionalArguments.FirstOrDefault()?.Value;
        return folder is not null && folder.StartsWith('/')
            && after.Any(c => c.IsNamed("rm") && c.PositionalArguments.Any(a => folder.TrimEnd('/') == a.Value.TrimEnd('/') || folder.StartsWith(a.Value.TrimEnd('/') + "/", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Python has no build command of its own; what makes a Python image a build is a compiler (or headers) installed
    /// and kept, then packages installed or sources byte-compiled with it present.
    /// </summary>
    private static BuildStep? FindPythonBuild((RunInstructionSyntax Run, RunScript Script)[] runs)
    {
        var compilerSeen = false;
        foreach (var (run, script) in runs)
        {
            var commands = script.Script.Commands.Select(c => c.Unwrap()).ToArray();
            foreach (var command in commands)
            {
                if (SystemPackages.ReadInstall(command) is { } install
                    && install.Packages.Any(p => BuildTools.Classify(SystemPackages.Name(p.Value)) is BuildToolKind.Compiler or BuildToolKind.Headers)
                    && !CleansUpAfter(commands, command))
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
