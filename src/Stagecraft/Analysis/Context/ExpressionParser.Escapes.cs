namespace Stagecraft.Analysis.Context;

internal sealed partial class ExpressionParser
{
    // Outside a class: assertions and \Q...\E first, then \p and Perl classes, then a single escaped character.
    private bool ParseEscape(List<List<ExpressionStep>> items)
    {
        if (_position + 1 >= _text.Length)
        {
            SetError("trailing backslash at end of expression", "");
            return false;
        }
        var letter = _text[_position + 1];
        switch (letter)
        {
            case 'A':
                _position += 2;
                items.Add([new(ExpressionOperation.BeginText)]);
                return true;
            case 'z':
                _position += 2;
                items.Add([new(ExpressionOperation.EndText)]);
                return true;
            case 'b':
                _position += 2;
                items.Add([new(ExpressionOperation.WordBoundary)]);
                return true;
            case 'B':
                _position += 2;
                items.Add([new(ExpressionOperation.NotWordBoundary)]);
                return true;
            case 'C':
                SetError("invalid escape sequence", "\\C");
                return false;
            case 'Q':
                _position += 2;
                var end = _text.IndexOf("\\E", _position, StringComparison.Ordinal);
                var quotedEnd = end < 0 ? _text.Length : end;
                while (_position < quotedEnd)
                    items.Add([new(ExpressionOperation.Rune, ReadRune())]);
                _position = end < 0 ? _text.Length : end + 2;
                return true;
            case 'p' or 'P':
                var ranges = new List<(int, int)>();
                var categories = new List<(int, bool)>();
                if (!ParseUnicodeClass(ranges, categories))
                    return false;
                items.Add([StepFor(new RuneSet(ranges, categories, negated: false))]);
                return true;
        }

        if (RuneClasses.Perl(letter) is { } perl)
        {
            _position += 2;
            items.Add([StepFor(new RuneSet(perl, [], negated: false))]);
            return true;
        }

        var rune = ParseEscapedRune();
        if (rune < 0)
            return false;
        items.Add([new(ExpressionOperation.Rune, rune)]);
        return true;
    }

    // \pX, \p{Name}, \PX or \P{Name} (a leading '^' in the name negates too); adds to the caller's class items.
    private bool ParseUnicodeClass(List<(int, int)> ranges, List<(int, bool)> categories)
    {
        var start = _position;
        var negated = _text[_position + 1] == 'P';
        _position += 2;
        string name;
        if (_position < _text.Length && _text[_position] == '{')
        {
            var end = _text.IndexOf('}', _position);
            if (end < 0)
            {
                SetError("invalid character class range", _text[start..]);
                return false;
            }
            name = _text[(_position + 1)..end];
            _position = end + 1;
        }
        else
        {
            var nameStart = _position;
            if (_position < _text.Length)
                ReadRune();
            name = _text[nameStart.._position];
        }
        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        if (!RuneClasses.TryGetUnicodeClass(name, out var classRanges, out var mask, out var classNegated))
        {
            // Go also knows script names (\p{Greek}); without script data we cannot tell those from typos.
            _unsupported = name.Length > 1;
            SetError(_unsupported ? "Unicode class not evaluated by Stagecraft (a script name?)" : "invalid character class range",
                _text[start.._position]);
            return false;
        }
        if (classRanges is not null)
            ranges.AddRange(negated ? RuneClasses.Complement(classRanges) : classRanges);
        else
            categories.Add((mask, classNegated != negated));
        return true;
    }

    // Go's parseEscape: punctuation stands for itself, then octal, hex and C escapes; any other letter is an error.
    private int ParseEscapedRune()
    {
        var start = _position;
        _position++;
        if (_position >= _text.Length)
            return FailRune("trailing backslash at end of expression", "");
        var c = ReadRune();
        if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c))
            return c;

        switch (c)
        {
            case >= '1' and <= '7' when !NextIsOctal():
                break;
            case >= '0' and <= '7':
                var value = c - '0';
                for (var digits = 1; digits < 3 && NextIsOctal(); digits++)
                    value = (value * 8) + (_text[_position++] - '0');
                return value;
            case 'x':
                if (_position >= _text.Length)
                    break;
                var first = ReadRune();
                if (first == '{')
                    return ReadBracedHex(start);
                var high = HexValue(first);
                var low = _position < _text.Length ? HexValue(ReadRune()) : -1;
                if (high < 0 || low < 0)
                    break;
                return (high * 16) + low;
            case 'a':
                return '\a';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return '\v';
        }
        return FailRune("invalid escape sequence", _text[start.._position]);
    }

    // \x{...}: at least one hex digit, at most U+10FFFF.
    private int ReadBracedHex(int start)
    {
        var value = 0;
        var digits = 0;
        while (_position < _text.Length)
        {
            var c = ReadRune();
            if (c == '}')
                return digits == 0 ? FailRune("invalid escape sequence", _text[start.._position]) : value;
            var digit = HexValue(c);
            if (digit < 0)
                break;
            value = (value * 16) + digit;
            if (value > RuneClasses.MaxRune)
                break;
            digits++;
        }
        return FailRune("invalid escape sequence", _text[start.._position]);
    }

    private bool NextIsOctal() => _position < _text.Length && _text[_position] is >= '0' and <= '7';

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
