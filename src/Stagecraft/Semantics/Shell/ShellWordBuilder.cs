using System.Text;

namespace Stagecraft.Semantics.Shell;

/// <summary>
/// Accumulates one word's value while the lexer scans it. Until the value first differs from the raw text (a quote or
/// escape), nothing is copied, so plain words cost a single substring.
/// </summary>
internal sealed class ShellWordBuilder
{
    private readonly StringBuilder _builder = new();
    private string _text = string.Empty;
    private int _start;
    private bool _diverged;
    private int _suspended;

    public ShellWordFlags Flags { get; set; }

    public void Reset(string text, int start)
    {
        _text = text;
        _start = start;
        _diverged = false;
        _suspended = 0;
        Flags = ShellWordFlags.None;
        _builder.Clear();
    }

    /// <summary>Stops value collection while scanning the inside of an expansion that is later copied verbatim.</summary>
    public void Suspend() => _suspended++;

    public void Resume() => _suspended--;

    /// <summary>Copies raw text that the value keeps as written.</summary>
    public void Verbatim(int from, int to)
    {
        if (_diverged && _suspended == 0 && to > from)
            _builder.Append(_text, from, to - from);
    }

    /// <summary>Marks that the value stops matching the raw text at <paramref name="at"/>; the matching prefix is copied once.</summary>
    public void Diverge(int at)
    {
        if (_diverged || _suspended != 0)
            return;
        _builder.Append(_text, _start, at - _start);
        _diverged = true;
    }

    public void Append(char c)
    {
        if (_suspended == 0)
            _builder.Append(c);
    }

    public void Append(string text, int from, int count)
    {
        if (_suspended == 0 && count > 0)
            _builder.Append(text, from, count);
    }

    public void AppendCodePoint(int codePoint)
    {
        if (_suspended != 0)
            return;
        if (codePoint is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            _builder.Append('\uFFFD');
        else
            _builder.Append(char.ConvertFromUtf32(codePoint));
    }

    /// <summary>The word's value, or null when it is the text as written (<see cref="ShellWord"/> then cuts it out on demand).</summary>
    public string? Build(int end) => _diverged ? _builder.ToString() : null;
}
