using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>One problem in one Dockerfile: which rule, where exactly, how serious, what to do about it.</summary>
public sealed record Finding
{
    public required RuleDescriptor Rule { get; init; }

    /// <summary>The file as the user named it (or <c>-</c> for standard input).</summary>
    public required string Path { get; init; }

    /// <summary>The exact bytes the finding is about.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>1-based start and end (end is the position just after the span).</summary>
    public required SourceRange Range { get; init; }

    public required Severity Severity { get; init; }

    public required string Message { get; init; }

    /// <summary>The aliases that apply to this finding (a subset of the rule's).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The stage's name or index, when the finding is about one stage.</summary>
    public string? Stage { get; init; }

    public Fix? Fix { get; init; }

    public int Line => Range.Start.Line;
    public int Column => Range.Start.Column;
    public int EndLine => Range.End.Line;
    public int EndColumn => Range.End.Column;
}
