using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>Replace the bytes of <paramref name="Span"/> with <paramref name="NewText"/> (an empty span inserts).</summary>
public sealed record TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, 0), text);

    public static TextEdit Delete(TextSpan span) => new(span, "");
}
