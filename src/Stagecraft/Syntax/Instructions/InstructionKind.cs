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
    private static readonly (string Name, InstructionKind Kind)[] Names =
    [
        ("run", InstructionKind.Run), ("copy", InstructionKind.Copy), ("env", InstructionKind.Env), ("from", InstructionKind.From),
        ("arg", InstructionKind.Arg), ("cmd", InstructionKind.Cmd), ("label", InstructionKind.Label), ("maintainer", InstructionKind.Maintainer),
        ("expose", InstructionKind.Expose), ("add", InstructionKind.Add), ("entrypoint", InstructionKind.Entrypoint),
        ("volume", InstructionKind.Volume), ("user", InstructionKind.User), ("workdir", InstructionKind.Workdir),
        ("onbuild", InstructionKind.Onbuild), ("stopsignal", InstructionKind.StopSignal), ("healthcheck", InstructionKind.Healthcheck),
        ("shell", InstructionKind.Shell),
    ];

    public static InstructionKind Parse(ReadOnlySpan<char> keyword)
    {
        foreach (var (name, kind) in Names)
        {
            if (keyword.Equals(name, StringComparison.OrdinalIgnoreCase))
                return kind;
        }
        return InstructionKind.Unknown;
    }
}
