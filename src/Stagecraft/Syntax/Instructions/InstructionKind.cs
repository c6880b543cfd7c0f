namespace Stagecraft.Syntax;

/// <summary>The Dockerfile instructions BuildKit knows, plus Unknown for anything else.</summary>
public enum InstructionKind
{
    Unknown,
    From,
    Run,
    Cmd,
    Label,
    Maintainer,
    Expose,
    Env,
    Add,
    Copy,
    Entrypoint,
    Volume,
    User,
    Workdir,
    Arg,
    Onbuild,
    StopSignal,
    Healthcheck,
    Shell,
}

internal static class InstructionKinds
{
    public static InstructionKind Parse(string keyword) => keyword.ToLowerInvariant() switch
    {
        "from" => InstructionKind.From,
        "run" => InstructionKind.Run,
        "cmd" => InstructionKind.Cmd,
        "label" => InstructionKind.Label,
        "maintainer" => InstructionKind.Maintainer,
        "expose" => InstructionKind.Expose,
        "env" => InstructionKind.Env,
        "add" => InstructionKind.Add,
        "copy" => InstructionKind.Copy,
        "entrypoint" => InstructionKind.Entrypoint,
        "volume" => InstructionKind.Volume,
        "user" => InstructionKind.User,
        "workdir" => InstructionKind.Workdir,
        "arg" => InstructionKind.Arg,
        "onbuild" => InstructionKind.Onbuild,
        "stopsignal" => InstructionKind.StopSignal,
        "healthcheck" => InstructionKind.Healthcheck,
        "shell" => InstructionKind.Shell,
        _ => InstructionKind.Unknown,
    };
}
