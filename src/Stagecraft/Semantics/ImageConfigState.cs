using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>The parts of the image config that instructions change as a stage is built and that later instructions run under.</summary>
/// <param name="WorkingDirectory">Null once a WORKDIR could not be expanded.</param>
/// <param name="User">The last USER instruction, or null when none was given.</param>
internal readonly record struct ImageConfigState(string? WorkingDirectory, UserInstructionSyntax? User)
{
    public static ImageConfigState Initial { get; } = new("/", null);
}
