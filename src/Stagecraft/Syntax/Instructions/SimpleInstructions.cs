namespace Stagecraft.Syntax;

/// <summary><c>EXPOSE port[/proto] …</c>.</summary>
public sealed class ExposeInstructionSyntax : InstructionSyntax
{
    internal ExposeInstructionSyntax(InstructionParts parts) : base(parts) { }

    public IReadOnlyList<ArgumentSyntax> Ports => Arguments;
}

/// <summary><c>VOLUME path …</c> or <c>VOLUME ["path", …]</c>.</summary>
public sealed class VolumeInstructionSyntax : InstructionSyntax
{
    internal VolumeInstructionSyntax(InstructionParts parts) : base(parts) { }

    public IReadOnlyList<ArgumentSyntax> Paths => Arguments;
}

/// <summary>An instruction whose whole argument text is one value: USER, WORKDIR, STOPSIGNAL, MAINTAINER.</summary>
public abstract class SingleValueInstructionSyntax : InstructionSyntax
{
    private protected SingleValueInstructionSyntax(InstructionParts parts) : base(parts) { }

    /// <summary>The value as written, or null when the instruction has none.</summary>
    public ArgumentSyntax? Value => Arguments.Count > 0 ? Arguments[0] : null;
}

/// <summary><c>USER user[:group]</c>.</summary>
public sealed class UserInstructionSyntax : SingleValueInstructionSyntax
{
    internal UserInstructionSyntax(InstructionParts parts) : base(parts) { }

    public string? User => Value?.Value.Split(':', 2)[0];

    public string? Group => Value?.Value.Split(':', 2) is [_, var group] ? group : null;
}

/// <summary><c>WORKDIR path</c>.</summary>
public sealed class WorkdirInstructionSyntax : SingleValueInstructionSyntax
{
    internal WorkdirInstructionSyntax(InstructionParts parts) : base(parts) { }
}

/// <summary><c>STOPSIGNAL signal</c>.</summary>
public sealed class StopSignalInstructionSyntax : SingleValueInstructionSyntax
{
    internal StopSignalInstructionSyntax(InstructionParts parts) : base(parts) { }
}

/// <summary><c>MAINTAINER name</c> (deprecated in favour of a label).</summary>
public sealed class MaintainerInstructionSyntax : SingleValueInstructionSyntax
{
    internal MaintainerInstructionSyntax(InstructionParts parts) : base(parts) { }
}

/// <summary><c>ONBUILD instruction</c>: an instruction kept for builds that use this image as their base.</summary>
public sealed class OnbuildInstructionSyntax : InstructionSyntax
{
    internal OnbuildInstructionSyntax(InstructionParts parts, InstructionSyntax? trigger) : base(parts) => Trigger = trigger;

    /// <summary>The wrapped instruction, with positions in this file; null when ONBUILD has nothing after it.</summary>
    public InstructionSyntax? Trigger { get; }
}

/// <summary>An instruction BuildKit does not know. It is kept in the tree and reported.</summary>
public sealed class UnknownInstructionSyntax : InstructionSyntax
{
    internal UnknownInstructionSyntax(InstructionParts parts) : base(parts) { }
}
