namespace Stagecraft.Syntax;

/// <summary>
/// One instruction: from the first byte of its line (indentation included) through the line ending of its last line,
/// including comment and blank lines inside continuations and its heredoc bodies.
/// </summary>
public class InstructionSyntax : SyntaxNode
{
    private readonly LogicalLine _logical;
    private List<SyntaxDiagnostic>? _diagnostics;

    internal InstructionSyntax(InstructionParts parts) : base(parts.Span)
    {
        _logical = parts.Logical;
        Kind = parts.Kind;
        Keyword = parts.Keyword;
        KeywordSpan = parts.KeywordSpan;
        Flags = parts.Flags;
        Arguments = parts.Arguments;
        IsJsonForm = parts.IsJson;
        ArgumentsSpan = parts.ArgumentsSpan;
        ArgumentsLogicalStart = parts.ArgumentsLogicalStart;
        _argumentsLogicalEnd = parts.ArgumentsLogicalEnd;
        Heredocs = parts.Heredocs;
        StartLine = parts.StartLine;
        EndLine = parts.EndLine;
    }

    public InstructionKind Kind { get; }

    /// <summary>The instruction name as written (<c>RUN</c>, <c>run</c>, <c>Run</c>).</summary>
    public string Keyword { get; }

    public TextSpan KeywordSpan { get; }

    public IReadOnlyList<FlagSyntax> Flags { get; }

    /// <summary>The argument nodes as BuildKit's parser splits them; typed subclasses give them meaning.</summary>
    public IReadOnlyList<ArgumentSyntax> Arguments { get; }

    /// <summary>True when the arguments were written as a JSON array (exec form).</summary>
    public bool IsJsonForm { get; }

    /// <summary>The argument text after the flags, as BuildKit sees it: continuations joined, trimmed.</summary>
    public string ArgumentsText => _argumentsText ??= ArgumentsFromSingleValue() ?? _logical.Text(ArgumentsLogicalStart, _argumentsLogicalEnd);

    private string? _argumentsText;
    private readonly int _argumentsLogicalEnd;

    /// <summary>Shell-form text is already decoded as the one argument; reuse it rather than decode the bytes twice.</summary>
    private string? ArgumentsFromSingleValue() =>
        !IsJsonForm && Arguments.Count == 1 && Kind is InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint
            or InstructionKind.Shell or InstructionKind.Maintainer or InstructionKind.User or InstructionKind.Workdir or InstructionKind.StopSignal
            ? Arguments[0].Value : null;

    /// <summary>From the first to the last byte of the argument text in the file (it may cross continuation lines).</summary>
    public TextSpan ArgumentsSpan { get; }

    public IReadOnlyList<HeredocSyntax> Heredocs { get; }

    /// <summary>1-based line of the instruction name.</summary>
    public int StartLine { get; }

    /// <summary>1-based last line, heredoc terminators included.</summary>
    public int EndLine { get; internal set; }

    /// <summary>The whole logical line: physical lines joined as BuildKit joins them.</summary>
    public string LogicalText => _logical.Text(0, _logical.Length);

    public IReadOnlyList<SyntaxDiagnostic> Diagnostics => (IReadOnlyList<SyntaxDiagnostic>?)_diagnostics ?? [];

    internal int ArgumentsLogicalStart { get; }

    /// <summary>Maps a range of <see cref="ArgumentsText"/> (in UTF-8 bytes from its start) back to the file.</summary>
    public TextSpan MapArgumentsRange(int startByte, int endByte) =>
        _logical.ToSourceSpan(ArgumentsLogicalStart + startByte, ArgumentsLogicalStart + endByte);

    /// <summary>Maps one byte offset of <see cref="ArgumentsText"/> back to its byte offset in the file.</summary>
    public int MapArgumentsOffset(int offset) => _logical.ToSourceStart(ArgumentsLogicalStart + offset);

    public FlagSyntax? GetFlag(string name)
    {
        FlagSyntax? found = null;
        foreach (var flag in Flags)
        {
            if (flag.Name == name)
                found = flag; // the last one wins, as in BuildKit
        }
        return found;
    }

    public IEnumerable<FlagSyntax> GetFlags(string name) => Flags.Where(f => f.Name == name);

    internal void AddDiagnostic(SyntaxDiagnostic diagnostic) => (_diagnostics ??= []).Add(diagnostic);

    internal void AddDiagnostics(List<SyntaxDiagnostic> diagnostics)
    {
        if (diagnostics.Count > 0)
            (_diagnostics ??= []).AddRange(diagnostics);
    }

    internal LogicalLine Logical => _logical;

    public override string ToString() => Keyword + " " + ArgumentsText;
}

/// <summary>Everything the parser learned about one instruction, handed to the typed node constructors.</summary>
internal readonly struct InstructionParts
{
    public required TextSpan Span { get; init; }
    public required LogicalLine Logical { get; init; }
    public required InstructionKind Kind { get; init; }
    public required string Keyword { get; init; }
    public required TextSpan KeywordSpan { get; init; }
    public required IReadOnlyList<FlagSyntax> Flags { get; init; }
    public required IReadOnlyList<ArgumentSyntax> Arguments { get; init; }
    public required bool IsJson { get; init; }
    public required TextSpan ArgumentsSpan { get; init; }
    public required int ArgumentsLogicalStart { get; init; }
    public required int ArgumentsLogicalEnd { get; init; }
    public required IReadOnlyList<HeredocSyntax> Heredocs { get; init; }
    public required int StartLine { get; init; }
    public required int EndLine { get; init; }
    public RawInstruction? Raw { get; init; }
}
