namespace Stagecraft.Semantics.Expansion;

/// <summary>A string seen as code points, with the UTF-16 offset of each, so matches can slice the original text.</summary>
internal sealed class RuneText
{
    private readonly string _text;
    private readonly int[] _offsets;

    public RuneText(string text)
    {
        _text = text;
        var codePoints = new List<int>(text.Length);
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length;)
        {
            offsets.Add(i);
            codePoints.Add(Lexing.CodePointAt(text, i, out var width));
            i += width;
        }
        offsets.Add(text.Length);
        CodePoints = [.. codePoints];
        _offsets = [.. offsets];
    }

    public int[] CodePoints { get; }

    public int Length => CodePoints.Length;

    /// <summary>The original text between two code point indexes.</summary>
    public string Slice(int start, int end) => _text[_offsets[start].._offsets[end]];
}
