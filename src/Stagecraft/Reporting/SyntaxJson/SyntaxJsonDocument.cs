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
    IReadOnlyList<StageJson> Stages,
    IReadOnlyList<int> TargetStages,
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

/// <summary>One build stage from the semantic model: what it is built on and which stages it needs.</summary>
/// <param name="Base">image, stage or scratch.</param>
/// <param name="BaseReference">The FROM reference with meta ARGs expanded.</param>
/// <param name="BaseStage">The index of the stage it is built on, when it is built on one.</param>
/// <param name="Dependencies">Indexes of the stages it builds on, copies from or mounts from.</param>
public sealed record StageJson(
    int Index,
    string? Name,
    string Base,
    string BaseReference,
    int? BaseStage,
    string? Platform,
    bool Windows,
    SpanJson FromSpan,
    IReadOnlyList<int> Dependencies,
    IReadOnlyList<StageReferenceJson> References);

/// <summary>A <c>COPY --from</c> or <c>RUN --mount from=</c>: stageName, stageIndex or image, and the stage it names.</summary>
public sealed record StageReferenceJson(string Kind, string Value, int? Stage, SpanJson Span);
