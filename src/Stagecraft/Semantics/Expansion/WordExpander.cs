using System.Collections.ObjectModel;

namespace Stagecraft.Semantics.Expansion;

/// <summary>Dockerfile variable expansion and word splitting with the semantics of BuildKit's shell lexer.</summary>
public static class WordExpander
{
    /// <summary>Expands one word (BuildKit's ProcessWord): quotes are handled per the options, white space is kept.</summary>
    public static ExpansionResult ExpandWord(string word, IVariableLookup variables, ExpansionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(variables);
        options ??= ExpansionOptions.Default;
        // Most words in a Dockerfile hold nothing to expand, unquote or unescape; skip the lexer for them.
        if (IsLiteral(word, options))
            return new ExpansionResult(word, null, ReadOnlySet<string>.Empty, ReadOnlySet<string>.Empty);
        var scanner = ExpansionScanner.Run(word, variables, options, splitWords: false, out var value);
        return new ExpansionResult(value, scanner.Error, scanner.Matched, scanner.Unmatched);
    }

    /// <summary>Expands text and splits it into words at unquoted white space (BuildKit's ProcessWords); values of variables split too.</summary>
    public static WordsResult ExpandWords(string text, IVariableLookup variables, ExpansionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        var scanner = ExpansionScanner.Run(text, variables, options ?? ExpansionOptions.Default, splitWords: true, out _);
        var words = scanner.Error is null ? scanner.Words : [];
        return new WordsResult(words, scanner.Error, scanner.Matched, scanner.Unmatched);
    }

    /// <summary>
    /// Lists the variable references in a word, in order, including those nested in operands, patterns and
    /// replacements, without expanding anything. Stops quietly at the first syntax error.
    /// </summary>
    public static IReadOnlyList<VariableReference> FindReferences(string word, ExpansionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(word);
        return ExpansionScanner.ListReferences(word, options ?? ExpansionOptions.Default);
    }

    private static bool IsLiteral(string word, ExpansionOptions options)
    {
        var text = word.AsSpan();
        if (text.IndexOfAny('$', options.EscapeCharacter) >= 0)
            return false;
        return options.Quotes == QuoteHandling.Literal || text.IndexOfAny('\'', '"') < 0;
    }
}
