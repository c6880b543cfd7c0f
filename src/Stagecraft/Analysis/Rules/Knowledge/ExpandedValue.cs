using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>An instruction's word as BuildKit reads it, falling back to the text as written when it cannot be expanded.</summary>
internal static class ExpandedValue
{
    // '$' starts an expansion; quotes and either escape character ('\\' or '`') change the text when BuildKit reads it.
    private static readonly System.Buffers.SearchValues<char> ExpandableCharacters = System.Buffers.SearchValues.Create("$'\"\\`");

    /// <summary>
    /// The expanded value, or <paramref name="written"/> when expanding fails. Text with nothing to expand, unquote or
    /// unescape is returned as it is, without building an expansion result: most COPY words are such.
    /// </summary>
    public static string Of(SemanticModel model, InstructionSyntax at, string written) =>
        !MayChange(written) ? written
        : model.Expand(at, written) is { Succeeded: true } expanded ? expanded.Value : written;

    /// <summary>Whether expanding could change <paramref name="written"/> at all.</summary>
    public static bool MayChange(string written) => written.AsSpan().IndexOfAny(ExpandableCharacters) >= 0;
}
