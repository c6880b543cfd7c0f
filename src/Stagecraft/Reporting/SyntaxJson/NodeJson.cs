using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.SyntaxJson;

/// <summary>A top-level node; the <c>kind</c> property (directive, comment, blank, instruction) says which.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DirectiveJson), "directive")]
[JsonDerivedType(typeof(CommentJson), "comment")]
[JsonDerivedType(typeof(BlankLineJson), "blank")]
[JsonDerivedType(typeof(InstructionJson), "instruction")]
public abstract record NodeJson([property: JsonPropertyOrder(-1)] SpanJson Span);

/// <summary>A parser directive such as <c># syntax=…</c>.</summary>
public sealed record DirectiveJson(SpanJson Span, string Name, string Value, SpanJson NameSpan, SpanJson ValueSpan) : NodeJson(Span);

/// <summary>A comment line outside instructions; <c>text</c> is after '#', trimmed.</summary>
public sealed record CommentJson(SpanJson Span, string Text, SpanJson CommentSpan) : NodeJson(Span);

/// <summary>An empty or blank line outside instructions.</summary>
public sealed record BlankLineJson(SpanJson Span) : NodeJson(Span);
