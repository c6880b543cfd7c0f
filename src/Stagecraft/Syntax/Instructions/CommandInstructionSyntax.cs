namespace Stagecraft.Syntax;

/// <summary>An instruction whose argument is a command in exec (JSON) or shell form: RUN, CMD, ENTRYPOINT, SHELL.</summary>
public class CommandInstructionSyntax : InstructionSyntax
{
    internal CommandInstructionSyntax(InstructionParts parts) : base(parts) { }

    /// <summary>True for the shell form (a string given to the stage's shell).</summary>
    public bool IsShellForm => !IsJsonForm && Arguments.Count > 0;

    /// <summary>The exec-form words, or empty in shell form.</summary>
    public IReadOnlyList<ArgumentSyntax> ExecForm => IsJsonForm ? Arguments : [];

    /// <summary>The shell-form command text (continuations joined), or null in exec form.</summary>
    public string? ShellText => IsShellForm ? Arguments[0].Value : null;
}

/// <summary><c>RUN [--mount=…] [--network=…] [--security=…] command</c>, possibly with heredocs.</summary>
public sealed class RunInstructionSyntax : CommandInstructionSyntax
{
    internal RunInstructionSyntax(InstructionParts parts, List<SyntaxDiagnostic> diagnostics) : base(parts)
    {
        // Most RUNs have no flags: look for mounts without a list or a filter per instruction.
        List<MountSyntax>? mounts = null;
        foreach (var flag in Flags)
        {
            if (flag.Name == "mount")
                (mounts ??= []).Add(MountSyntax.Parse(flag, diagnostics));
        }
        Mounts = mounts is null ? [] : mounts;
        Network = GetFlag("network");
        Security = GetFlag("security");
    }

    public IReadOnlyList<MountSyntax> Mounts { get; }
    public FlagSyntax? Network { get; }
    public FlagSyntax? Security { get; }
}

/// <summary><c>CMD</c>: the default command of the image.</summary>
public sealed class CmdInstructionSyntax : CommandInstructionSyntax
{
    internal CmdInstructionSyntax(InstructionParts parts) : base(parts) { }
}

/// <summary><c>ENTRYPOINT</c>: the executable the container runs.</summary>
public sealed class EntrypointInstructionSyntax : CommandInstructionSyntax
{
    internal EntrypointInstructionSyntax(InstructionParts parts) : base(parts) { }
}

/// <summary><c>SHELL ["executable", "parameters"]</c>: the shell used for shell-form commands after it.</summary>
public sealed class ShellInstructionSyntax : CommandInstructionSyntax
{
    internal ShellInstructionSyntax(InstructionParts parts) : base(parts) { }
}
