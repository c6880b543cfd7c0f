namespace Stagecraft.Semantics.Expansion;

/// <summary>What the expander does with single and double quotes.</summary>
public enum QuoteHandling
{
    /// <summary>Quotes group text and protect it from expansion (single) or splitting (both), and are removed: instruction arguments.</summary>
    Remove,

    /// <summary>Quotes group and protect text as with <see cref="Remove"/> but stay in the output (BuildKit's RawQuotes).</summary>
    Keep,

    /// <summary>Quote characters are ordinary text and never stop expansion: heredoc bodies (BuildKit's SkipProcessQuotes).</summary>
    Literal,
}
