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
