using System.Text;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// A word as rules read it (an argument, a flag value, a key or value of ENV) with where it is written, so that a part
/// of it, such as one <c>$VAR</c>, can be pointed at exactly.
/// </summary>
internal readonly record struct WrittenWord(string Value, TextSpan Span)
{
    /// <summary>
    /// The file span of <paramref name="length"/> characters at <paramref name="offset"/> of the value. Exact when the
    /// file holds the value as is; otherwise (a continuation or JSON escapes in between) the first place the same text is
    /// written inside the word, or the whole word.
    /// </summary>
    public TextSpan Locate(SyntaxTree tree, int offset, int length)
    {
        var written = tree.GetText(Span);
        var part = Value.Substring(offset, length);
        int at;
        if (written == Value)
            at = offset;
        else if ((at = written.IndexOf(part, StringComparison.Ordinal)) < 0)
            return Span;
        return new TextSpan(Span.Start + Encoding.UTF8.GetByteCount(written.AsSpan(0, at)), Encoding.UTF8.GetByteCount(part));
    }

    /// <summary>The file span of one variable reference found in the value.</summary>
    public TextSpan Locate(SyntaxTree tree, VariableReference reference) => Locate(tree, reference.Offset, reference.Length);

    /// <summary>The variable references in the value (none without a '$', cheaply).</summary>
    public IReadOnlyList<VariableReference> References(ExpansionOptions options) =>
        Value.Contains('$') ? WordExpander.FindReferences(Value, options) : [];

    /// <summary>A value of ENV, LABEL or ARG and where it is written.</summary>
    public static WrittenWord Of(ArgumentSyntax argument) => new(argument.Value, argument.Span);
}
