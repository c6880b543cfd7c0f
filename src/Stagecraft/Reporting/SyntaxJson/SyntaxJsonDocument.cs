using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>The whole of <c>stagecraft parse --format json</c>: one parsed Dockerfile with positions. Shape documented in docs/parse-json.md.</summary>
public sealed record SyntaxJsonDocument(
    int Version,
    string? Path,
    int Length,
    bool ByteOrderMark,
    string EscapeCharacter,
    IReadOnlyList<DirectiveJson> Directives,
    IReadOnlyList<NodeJson> Nodes,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    /// <summary>Raised only when a field changes meaning or disappears; new fields may appear without it.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>A place in the file: 1-based line, 1-based column in Unicode code points, 0-based byte offset.</summary>
[JsonConverter(typeof(PositionJsonConverter))]
public sealed record PositionJson(int Line, int Column, int Offset);

/// <summary>A half-open range: <c>end</c> is the first position after the text.</summary>
public sealed record SpanJson(PositionJson Start, PositionJson End);

/// <summary>A parser diagnostic; <c>lineParserError</c> marks the errors BuildKit's line parser itself raises.</summary>
public sealed record DiagnosticJson(string Code, string Severity, string Message, bool LineParserError, SpanJson Span);
