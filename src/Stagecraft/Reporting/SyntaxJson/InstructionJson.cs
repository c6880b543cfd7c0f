namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>
/// One instruction. The common part comes first; the typed part (image, sources, pairs…) is present only for the
/// instructions it belongs to, since null properties are left out.
/// </summary>
public sealed record InstructionJson(SpanJson Span) : NodeJson(Span)
{
    /// <summary>The instruction in lower case (<c>from</c>, <c>run</c>, <c>stopsignal</c>), or <c>unknown</c>.</summary>
    public required string Instruction { get; init; }
    public required string Keyword { get; init; }
    public required SpanJson KeywordSpan { get; init; }
    public required int StartLine { get; init; }
    public required int EndLine { get; init; }
    public required IReadOnlyList<FlagJson> Flags { get; init; }
    public required IReadOnlyList<ArgumentJson> Arguments { get; init; }
    public required bool JsonForm { get; init; }
    public required string ArgumentsText { get; init; }
    public required SpanJson ArgumentsSpan { get; init; }
    public required IReadOnlyList<HeredocJson> Heredocs { get; init; }

    /// <summary>RUN, CMD, ENTRYPOINT, SHELL: <c>exec</c> or <c>shell</c> (absent with no arguments).</summary>
    public string? Form { get; init; }

    // FROM
    public ArgumentJson? Image { get; init; }
    public ArgumentJson? StageName { get; init; }
    public FlagJson? Platform { get; init; }

    // COPY, ADD
    public IReadOnlyList<ArgumentJson>? Sources { get; init; }
    public ArgumentJson? Destination { get; init; }

    // ENV, LABEL
    public IReadOnlyList<KeyValueJson>? Pairs { get; init; }

    // ARG
    public IReadOnlyList<ArgDeclarationJson>? Declarations { get; init; }

    // HEALTHCHECK
    public HealthcheckJson? Healthcheck { get; init; }

    // USER
    public string? User { get; init; }
    public string? Group { get; init; }

    /// <summary>ONBUILD: the wrapped instruction, written with <c>kind</c> like any node.</summary>
    public NodeJson? Trigger { get; init; }
}

/// <summary>A <c>--name=value</c> flag; <c>mount</c> is the parsed value of RUN <c>--mount</c>.</summary>
public sealed record FlagJson(string Name, string? Value, SpanJson Span, SpanJson NameSpan, SpanJson ValueSpan, MountJson? Mount);

/// <summary>A RUN <c>--mount</c>: its type (bind when not written) and its options in order.</summary>
public sealed record MountJson(string Type, IReadOnlyList<MountOptionJson> Options);

/// <summary>One <c>key=value</c> (or bare <c>key</c>) option of a mount; keys are lower-cased.</summary>
public sealed record MountOptionJson(string Key, string? Value);

/// <summary>One argument as BuildKit's parser splits it: JSON strings decoded, otherwise as written.</summary>
public sealed record ArgumentJson(string Value, SpanJson Span);

/// <summary>A heredoc of RUN, COPY or ADD.</summary>
public sealed record HeredocJson(
    string Name,
    bool Expand,
    bool Chomp,
    int FileDescriptor,
    bool Terminated,
    SpanJson MarkerSpan,
    SpanJson BodySpan,
    SpanJson TerminatorSpan,
    string Content);

/// <summary>An ENV or LABEL pair as written (quotes kept, nothing expanded).</summary>
public sealed record KeyValueJson(string Key, string Value, bool LegacyForm, SpanJson Span, SpanJson KeySpan, SpanJson ValueSpan);

/// <summary>One ARG name with its default as written, when it has one.</summary>
public sealed record ArgDeclarationJson(string Name, string? DefaultValue, SpanJson Span, SpanJson NameSpan);

/// <summary>HEALTHCHECK's type, command and options; durations in seconds.</summary>
public sealed record HealthcheckJson(
    string? Type,
    bool None,
    IReadOnlyList<ArgumentJson> Command,
    double? IntervalSeconds,
    double? TimeoutSeconds,
    double? StartPeriodSeconds,
    double? StartIntervalSeconds,
    int? Retries);
