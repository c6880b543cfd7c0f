namespace Stagecraft.Semantics.Expansion;

/// <summary>Lexer settings for one expansion; the defaults are those BuildKit uses for instruction arguments.</summary>
public sealed record ExpansionOptions
{
    /// <summary>Settings for instruction arguments: escape <c>\</c>, quotes removed, unset variables expand to nothing.</summary>
    public static ExpansionOptions Default { get; } = new();

    /// <summary>Settings for the body of an expanding heredoc: quotes are plain text, <c>\</c> still escapes.</summary>
    public static ExpansionOptions HeredocBody { get; } = new() { Quotes = QuoteHandling.Literal };

    /// <summary>The Dockerfile escape character: <c>\</c>, or <c>`</c> after an <c># escape=`</c> directive.</summary>
    public char EscapeCharacter { get; init; } = '\\';

    /// <summary>How single and double quotes are treated.</summary>
    public QuoteHandling Quotes { get; init; } = QuoteHandling.Remove;

    /// <summary>Keep escape characters in the output instead of consuming them (BuildKit's RawEscapes).</summary>
    public bool KeepEscapes { get; init; }

    /// <summary>Leave references to unset variables as written, e.g. <c>$X</c> or <c>${X:-d}</c> (BuildKit's SkipUnsetEnv).</summary>
    public bool SkipUnset { get; init; }
}
