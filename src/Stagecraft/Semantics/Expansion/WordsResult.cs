namespace Stagecraft.Semantics.Expansion;

/// <summary>The outcome of expanding and splitting text into words, or an error, plus the variable names that were looked up.</summary>
/// <param name="Words">The resulting words; empty when expansion failed.</param>
/// <param name="Error">BuildKit-style error text, or null on success.</param>
/// <param name="Matched">Names that were looked up and set.</param>
/// <param name="Unmatched">Names that were looked up and unset.</param>
public readonly record struct WordsResult(
    IReadOnlyList<string> Words,
    string? Error,
    IReadOnlySet<string> Matched,
    IReadOnlySet<string> Unmatched)
{
    /// <summary>True when the text expanded without error.</summary>
    public bool Succeeded => Error is null;
}
