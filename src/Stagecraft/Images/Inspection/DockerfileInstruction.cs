namespace Stagecraft.Images.Inspection;

/// <summary>The Dockerfile instruction a history step, and the layer it made, came from.</summary>
/// <param name="Line">1-based line of the instruction's keyword.</param>
/// <param name="EndLine">1-based last line (continuations and heredocs included).</param>
/// <param name="Stage">The stage's name, or its index when it has none.</param>
/// <param name="Text">The instruction on one line as written (continuations joined, whitespace collapsed; a heredoc's first line only).</param>
public sealed record DockerfileInstruction(int Line, int EndLine, string Stage, string Text, DockerfileMatch Match);
