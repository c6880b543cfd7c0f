using System.Globalization;

namespace Stagecraft.Analysis.Context;

/// <summary>
/// A character class of a Go regular expression: a union of code point ranges and Unicode general categories,
/// possibly negated as a whole. ASCII answers come from a precomputed bitmap.
/// </summary>
internal sealed class RuneSet
{
    private readonly int[] _ranges;
    private readonly (int Mask, bool Negated)[] _categories;
    private readonly bool _negated;
    private readonly ulong _asciiLow;
    private readonly ulong _asciiHigh;

    /// <param name="ranges">Inclusive (low, high) code point pairs, in any order.</param>
    /// <param name="categories">Unicode general category masks (bit = <see cref="UnicodeCategory"/> value), each possibly negated.</param>
    /// <param name="negated">True for <c>[^...]</c>: the set is everything the union does not contain.</param>
    public RuneSet(IEnumerable<(int Low, int High)> ranges, IEnumerable<(int Mask, bool Negated)> categories, bool negated)
    {
        _ranges = Merge(ranges);
        _categories = [.. categories];
        _negated = negated;
        for (var rune = 0; rune < 128; rune++)
        {
            if (!ContainsSlow(rune))
                continue;
            if (rune < 64)
                _asciiLow |= 1UL << rune;
            else
                _asciiHigh |= 1UL << (rune - 64);
        }
    }

    /// <summary>True when the set is one code point, or everything but one; such sets compile to cheaper steps.</summary>
    public bool IsSingle(out int rune, out bool negated)
    {
        negated = _negated;
        rune = _ranges.Length == 2 ? _ranges[0] : -1;
        return _categories.Length == 0 && _ranges.Length == 2 && _ranges[0] == _ranges[1];
    }

    public bool Contains(int rune)
    {
        if (rune < 64)
            return ((_asciiLow >> rune) & 1) != 0;
        if (rune < 128)
            return ((_asciiHigh >> (rune - 64)) & 1) != 0;
        return ContainsSlow(rune);
    }

    private bool ContainsSlow(int rune)
    {
        var found = InRanges(rune);
        if (!found && _categories.Length > 0)
        {
            var bit = 1 << (int)CharUnicodeInfo.GetUnicodeCategory(rune);
            foreach (var (mask, negated) in _categories)
            {
                if (((mask & bit) != 0) != negated)
                {
                    found = true;
                    break;
                }
            }
        }
        return found != _negated;
    }

    private bool InRanges(int rune)
    {
        // Binary search over the sorted, disjoint pairs.
        int low = 0, high = (_ranges.Length / 2) - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (rune < _ranges[2 * middle])
                high = middle - 1;
            else if (rune > _ranges[(2 * middle) + 1])
                low = middle + 1;
            else
                return true;
        }
        return false;
    }

    private static int[] Merge(IEnumerable<(int Low, int High)> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Low).ToList();
        var merged = new List<int>(sorted.Count * 2);
        foreach (var (low, high) in sorted)
        {
            if (merged.Count > 0 && low <= merged[^1] + 1)
            {
                merged[^1] = Math.Max(merged[^1], high);
                continue;
            }
            merged.Add(low);
            merged.Add(high);
        }
        return [.. merged];
    }
}
