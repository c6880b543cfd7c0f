using System.Text;

namespace Stagecraft.Semantics.Expansion;

/// <summary>Splits the top-level output of the lexer into words at unquoted, unescaped white space, as BuildKit does.</summary>
internal sealed class WordCollector
{
    private readonly StringBuilder _pending = new();
    private readonly List<string> _words = [];

    // BuildKit tracks "inside a word" apart from the buffer: quoted empty text ('') opens a word
    // without adding characters, and white space then closes nothing.
    private bool _inWord;

    public IReadOnlyList<string> Words => _words;

    /// <summary>Adds a character that separates words when it is white space.</summary>
    public void AddSplitting(int codePoint)
    {
        if (!Lexing.IsSpace(codePoint))
            AddVerbatim(codePoint);
        else if (_inWord && _pending.Length != 0)
            Flush();
    }

    /// <summary>Adds expanded text, which splits at white space just like unquoted text.</summary>
    public void AddSplitting(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            AddSplitting(rune.Value);
    }

    public void AddVerbatim(int codePoint)
    {
        Lexing.Append(_pending, codePoint);
        _inWord = true;
    }

    public void AddVerbatim(string text)
    {
        _pending.Append(text);
        _inWord = true;
    }

    /// <summary>
    /// BuildKit keeps the word being built in a buffer that every nested <c>${…}</c> operand resets,
    /// so text before such an operand in the same word is lost; we reproduce that observable quirk.
    /// </summary>
    public void DiscardPending() => _pending.Clear();

    public void Finish()
    {
        if (_pending.Length > 0)
            Flush();
    }

    private void Flush()
    {
        _words.Add(_pending.ToString());
        _pending.Clear();
        _inWord = false;
    }
}
