namespace Stagecraft.Semantics.Expansion;

/// <summary>One <c>$name</c> or <c>${name…}</c> reference as written in a word, found without expanding it.</summary>
/// <param name="Name">The variable name (may be a positional or special parameter such as <c>1</c> or <c>@</c>).</param>
/// <param name="Offset">UTF-16 offset of the <c>$</c> inside the word.</param>
/// <param name="Length">UTF-16 length of the whole reference, up to and including its closing <c>}</c>.</param>
/// <param name="IsBraced">True for the <c>${…}</c> form.</param>
/// <param name="Modifier">The operator after the name: empty, or one of <c>-</c> <c>:-</c> <c>+</c> <c>:+</c> <c>?</c> <c>:?</c> <c>#</c> <c>##</c> <c>%</c> <c>%%</c> <c>/</c> <c>//</c>.</param>
public readonly record struct VariableReference(string Name, int Offset, int Length, bool IsBraced, string Modifier)
{
    /// <summary>UTF-16 offset of the name inside the word.</summary>
    public int NameOffset => Offset + (IsBraced ? 2 : 1);
}
