using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>Where a <c>COPY --from</c> or <c>RUN --mount from=</c> points.</summary>
public enum StageReferenceKind
{
    /// <summary>A stage of this Dockerfile, by name.</summary>
    StageName,
    /// <summary>A stage of this Dockerfile, by number (<c>--from=0</c>).</summary>
    StageIndex,
    /// <summary>An image (anything that is not a stage).</summary>
    Image,
}

/// <summary>A use of another stage or an image by an instruction of a stage.</summary>
/// <param name="Value">The reference after expansion.</param>
/// <param name="Span">Where the reference is written.</param>
/// <param name="Stage">The stage it names, when it names one.</param>
public sealed record StageReference(InstructionSyntax Instruction, StageReferenceKind Kind, string Value, TextSpan Span, Stage? Stage);
