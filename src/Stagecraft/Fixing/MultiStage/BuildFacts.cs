using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>What the stack recipes need to know about a single-stage build, read once from the model.</summary>
internal sealed class BuildFacts
{
    public BuildFacts(SemanticModel model, Stage stage, BuildStep step, BuildContext context)
    {
        Model = model;
        Stage = stage;
        Step = step;
        Context = context;
        BaseImage = ImageReference.Parse(stage.Base.Reference);
        BuildDirectory = DirectoryOf(step);
        FinalDirectory = stage.FinalConfig.WorkingDirectory;
        FinalUser = stage.FinalConfig.User;
        Commands =
        [
            .. from run in stage.Instructions.OfType<RunInstructionSyntax>()
               let script = model.ScriptOf(run)
               where script is not null
               from command in script.Script.Commands
               select (run, command.Unwrap()),
        ];
        OsPackages = [.. Commands.Select(c => SystemPackages.ReadInstall(c.Command)).Where(i => i is not null)
            .SelectMany(i => i!.Packages.Select(p => (i.Manager, Name: SystemPackages.Name(p.Value), Word: p.Value)))];
        ContextDestinations = [.. stage.Instructions.OfType<FileTransferInstructionSyntax>()
            .Where(c => c is not CopyInstructionSyntax { From: not null } && c.Destination is not null)
            .Select(c => Destination(c))
            // A manifest copied to /tmp for an install is not part of the application.
            .Where(d => d is not null && d != "/tmp" && !d.StartsWith("/tmp/", StringComparison.Ordinal)).Select(d => d!)];
    }

    public SemanticModel Model { get; }

    public Stage Stage { get; }

    public BuildStep Step { get; }

    public ShellCommand Command => Step.Build.Command;

    public BuildContext Context { get; }

    /// <summary>The builder's base image, parsed; null when the reference cannot be read (an unexpanded variable).</summary>
    public ImageReference? BaseImage { get; }

    /// <summary>Where the build command runs: the WORKDIR, then any <c>cd</c> before it in the same RUN.</summary>
    public string BuildDirectory { get; }

    /// <summary>The working directory the image starts in; null when a WORKDIR cannot be expanded.</summary>
    public string? FinalDirectory { get; }

    /// <summary>The USER the image runs as, or null for the base image's (root, for the images that build).</summary>
    public UserInstructionSyntax? FinalUser { get; }

    /// <summary>Every command of every RUN, unwrapped, in file order.</summary>
    public IReadOnlyList<(RunInstructionSyntax Run, ShellCommand Command)> Commands { get; }

    /// <summary>The OS packages the stage installs, with their manager (apt, apk, rpm), bare name and the word as written (pin included).</summary>
    public IReadOnlyList<(string Manager, string Name, string Word)> OsPackages { get; }

    /// <summary>Where files from the build context land (absolute): the application's folders.</summary>
    public IReadOnlyList<string> ContextDestinations { get; }

    /// <summary>True when a shell-form CMD, ENTRYPOINT or HEALTHCHECK needs /bin/sh in the runtime image.</summary>
    public bool NeedsShell => RuntimeNeeds.NeedsShell(Stage);

    /// <summary>The OS packages that follow into the runtime stage (see <see cref="RuntimeNeeds"/>).</summary>
    public IReadOnlyList<string> RuntimePackages => _runtimePackages ??= RuntimeNeeds.Packages(Stage, OsPackages);

    private IReadOnlyList<string>? _runtimePackages;

    /// <summary>A variable the build command sees: an assignment on the command itself, else the stage's ENV or ARG.</summary>
    public string? VariableAtBuild(string name)
    {
        var assignment = Command.Assignments.LastOrDefault(a => a.Name == name) ?? Step.Build.Command.WrappedBy?.Assignments.LastOrDefault(a => a.Name == name);
        if (assignment is not null)
            return assignment.Value;
        // `export CGO_ENABLED=0 && go build` in the same RUN counts too.
        foreach (var (run, command) in Commands)
        {
            if (run == Step.Run && command.Span.Start < Command.Span.Start && command.IsNamed("export"))
            {
                var exported = command.Arguments.Select(w => w.Value).LastOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal));
                if (exported is not null)
                    return exported[(name.Length + 1)..];
            }
        }
        return Stage.ScopeAt(Step.Run).TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>A path the build command names, made absolute against where it runs.</summary>
    public string ResolveAtBuild(string path) => ContainerPath.Resolve(BuildDirectory, path);

    /// <summary>True when a command with one of these names runs in any RUN of the stage.</summary>
    public bool Runs(params string[] names) => Commands.Any(c => c.Command.BaseName is { } n && names.Contains(n));

    private string DirectoryOf(BuildStep step)
    {
        var directory = Stage.WorkingDirectoryAt(step.Run) ?? "/";
        foreach (var command in step.Script.Script.Commands)
        {
            if (command.Span.Start >= step.Build.Command.Span.Start)
                break;
            if (command.IsNamed("cd") && command.Depth == 0 && command.PositionalArguments.FirstOrDefault() is { IsLiteral: true } target)
                directory = ContainerPath.Resolve(directory, target.Value);
        }
        return directory;
    }

    private string? Destination(FileTransferInstructionSyntax copy)
    {
        var expanded = Model.Expand(copy, copy.Destination!.Value).Value;
        if (expanded.Contains('$'))
            return null;
        return ContainerPath.Resolve(Stage.WorkingDirectoryAt(copy) ?? "/", expanded);
    }
}
