namespace Stagecraft.Analysis.Context;

internal sealed partial class ExpressionParser
{
    // Go's parseClass with Perl flags: ']' first is literal, '-' is literal where it cannot form a range,
    // [:name:] is a POSIX class, \d \s \w and \pX work inside, and a reversed range is an error.
    private RuneSet? ParseClass()
    {
        var classStart = _position;
        _position++;
        var negated = false;
        if (_position < _text.Length && _text[_position] == '^')
        {
            negated = true;
            _position++;
        }

        var ranges = new List<(int, int)>();
        var categories = new List<(int, bool)>();
        var first = true;
        while (true)
        {
            if (_position >= _text.Length)
                return FailSet("missing closing ]", _text[classStart..]);
            if (_text[_position] == ']' && !first)
            {
                _position++;
                break;
            }
            first = false;

            if (_text.Length - _position > 2 && _text[_position] == '[' && _text[_position + 1] == ':')
            {
                var end = _text.IndexOf(":]", _position + 2, StringComparison.Ordinal);
                if (end >= 0)
                {
                    var name = _text[(_position + 2)..end];
                    var posix = RuneClasses.PosixClass(name);
                    if (posix is null)
                        return FailSet("invalid character class range", _text[_position..(end + 2)]);
                    ranges.AddRange(posix);
                    _position = end + 2;
                    continue;
                }
            }

            if (_text[_position] == '\\' && _position + 1 < _text.Length)
            {
                var letter = _text[_position + 1];
                if (letter is 'p' or 'P')
                {
                    if (!ParseUnicodeClass(ranges, categories))
                        return null;
                    continue;
                }
                if (RuneClasses.Perl(letter) is { } perl)
                {
                    ranges.AddRange(perl);
                    _position += 2;
                    continue;
                }
            }

            var rangeStart = _position;
            var low = ParseClassCharacter(classStart);
            if (low < 0)
                return null;
            var high = low;
            if (_text.Length - _position >= 2 && _text[_position] == '-' && _text[_position + 1] != ']')
            {
                _position++;
                high = ParseClassCharacter(classStart);
                if (high < 0)
                    return null;
                if (high < low)
                    return FailSet("invalid character class range", _text[rangeStart.._position]);
            }
            ranges.Add((low, high));
        }
        return new RuneSet(ranges, categories, negated);
    }

    private int ParseClassCharacter(int classStart)
    {
        if (_position >= _text.Length)
            return FailRune("missing closing ]", _text[classStart..]);
        return _text[_position] == '\\' ? ParseEscapedRune() : ReadRune();
    }
}
