namespace Stagecraft.Semantics.Expansion;

/// <summary>The outcome of expanding one word: the value, or an error, plus the variable names that were looked up.</summary>
/// <param name="Value">The expanded word; empty when expansion failed.</param>
/// <param name="Error">BuildKit-style error text, or null on success.</param>
/// <param name="Matched">Names that were looked up and set (including names inside defaults, patterns and replacements).</param>
/// <param name="Unmatched">Names that were looked up and unset.</param>
public readonly record struct ExpansionResult(
    string Value,
    string? Error,
    IReadOnlySet<string> Matched,
    IReadOnlySet<string> Unmatched)
{
    /// <summary>True when the word expanded without error.</summary>
    public bool Succeeded => Error is null;
}
