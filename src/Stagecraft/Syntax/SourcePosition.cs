namespace Stagecraft.Syntax;

/// <summary>A place in a Dockerfile: 1-based line and column (counted in Unicode code points) and the exact byte offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>The start and end of a span as line/column positions.</summary>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    public override string ToString() => $"{Start}-{End}";
}
