namespace Stagecraft.Images.Inspection;

/// <summary>How sure the mapping of a history step to a Dockerfile instruction is.</summary>
public enum DockerfileMatch
{
    /// <summary>The step's recorded command (or, for the classic builder's COPY and ADD, its destination) is the instruction's.</summary>
    Exact,

    /// <summary>The same kind of instruction at the same place in the sequence, but the recorded text differs (an expanded variable, a heredoc, another builder's spelling).</summary>
    SameKind,

    /// <summary>A step of the base image: it comes before every step the Dockerfile made, so the FROM line brought it in.</summary>
    BaseImage,
}

/// <summary>The Dockerfile instruction a history step, and the layer it made, came from.</summary>
/// <param name="Line">1-based line of the instruction's keyword.</param>
/// <param name="EndLine">1-based last line (continuations and heredocs included).</param>
/// <param name="Stage">The stage's name, or its index when it has none.</param>
/// <param name="Text">The instruction on one line as written (continuations joined, whitespace collapsed; a heredoc's first line only).</param>
public sealed record DockerfileInstruction(int Line, int EndLine, string Stage, string Text, DockerfileMatch Match);
