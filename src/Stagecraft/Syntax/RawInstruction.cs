namespace Stagecraft.Syntax;

/// <summary>A piece of a logical line: its value as BuildKit reads it and its logical byte range.</summary>
internal readonly record struct RawPart(string Value, int Start, int End);

/// <summary>How BuildKit's low-level parser split one logical line, before typed instruction nodes are built.</summary>
internal sealed class RawInstruction
{
    public required RawPart Keyword { get; init; }
    public required IReadOnlyList<RawPart> Flags { get; init; }
    /// <summary>The argument text after the flags, trimmed: [ArgumentsStart, ArgumentsEnd).</summary>
    public int ArgumentsStart { get; init; }
    public int ArgumentsEnd { get; init; }
    /// <summary>BuildKit's argument nodes in order (for ENV and LABEL: key, value, separator triples).</summary>
    public IReadOnlyList<RawPart> Arguments { get; init; } = [];
    public bool IsJson { get; init; }
    public RawInstruction? Child { get; init; }
    public string? Error { get; init; }
    /// <summary>Where the error is, as a logical range; defaults to the whole argument text.</summary>
    public (int Start, int End)? ErrorRange { get; init; }

    public required InstructionKind Kind { get; init; }
}
