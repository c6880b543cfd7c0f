namespace Stagecraft.Analysis.Context;

internal sealed partial class ExpressionParser
{
    // Replaces the last item with its repetition, min to max times (max -1: unbounded). The operator starts at
    // _position and ends before end; a '?' right after it only makes it lazy, which cannot change whether a match
    // exists. Go rejects an operator that directly follows another (lastRepeatStart is then not -1).
    private bool ApplyRepeat(List<List<ExpressionStep>> items, int lastRepeatStart, int end, int min, int max)
    {
        if (end < _text.Length && _text[end] == '?')
            end++;
        if (lastRepeatStart >= 0)
        {
            SetError("invalid nested repetition operator", _text[lastRepeatStart..end]);
            return false;
        }
        if (items.Count == 0)
        {
            SetError("missing argument to repetition operator", _text[_position..end]);
            return false;
        }
        var item = items[^1];
        if ((long)item.Count * (Math.Max(min, max) + 2) >= MaxSteps)
        {
            SetError("expression too large", "");
            return false;
        }
        _position = end;

        var result = new List<ExpressionStep>();
        for (var i = 0; i < min; i++)
            result.AddRange(item);
        if (max < 0)
        {
            if (min == 0)
            {
                result.Add(new(ExpressionOperation.Split, item.Count + 2));
                result.AddRange(item);
                result.Add(new(ExpressionOperation.Jump, -(item.Count + 1)));
            }
            else
            {
                // x{n,} is n copies of x, the last of which may repeat.
                result.Add(new(ExpressionOperation.Split, -item.Count));
            }
        }
        else
        {
            for (var i = min; i < max; i++)
            {
                result.Add(new(ExpressionOperation.Split, item.Count + 1));
                result.AddRange(item);
            }
        }
        items[^1] = result;
        return true;
    }

    // Go's parseRepeat: {n}, {n,} or {n,m} with decimal numbers without leading zeros; min is -1 when too big.
    private bool TryReadCount(out int min, out int max, out int end)
    {
        max = -1;
        end = _position + 1;
        if (!TryReadNumber(ref end, out min) || end >= _text.Length)
            return false;
        if (_text[end] != ',')
        {
            max = min;
        }
        else
        {
            end++;
            if (end >= _text.Length)
                return false;
            if (_text[end] != '}')
            {
                if (!TryReadNumber(ref end, out max))
                    return false;
                if (max < 0)
                    min = -1;
            }
        }
        if (end >= _text.Length || _text[end] != '}')
            return false;
        end++;
        return true;
    }

    private bool TryReadNumber(ref int position, out int value)
    {
        value = 0;
        if (position >= _text.Length || !char.IsAsciiDigit(_text[position]))
            return false;
        if (_text[position] == '0' && position + 1 < _text.Length && char.IsAsciiDigit(_text[position + 1]))
            return false;
        for (; position < _text.Length && char.IsAsciiDigit(_text[position]); position++)
        {
            if (value >= 100_000_000)
                value = -1;
            else if (value >= 0)
                value = (value * 10) + (_text[position] - '0');
        }
        return true;
    }
}
