using System.Globalization;

namespace Stagecraft.Images.Policy;

/// <summary>
/// Sizes as dive reads them in <c>.dive-ci</c> (it uses go-humanize's byte parser): digits with an optional point and
/// thousands commas, optional spaces, then a case-insensitive unit where <c>k</c>, <c>kb</c>, <c>m</c>, <c>mb</c>, … are
/// powers of 1,000 and <c>ki</c>, <c>kib</c>, <c>mi</c>, <c>mib</c>, … powers of 1,024, up to exa; no unit or <c>b</c>
/// is bytes. So <c>20Mb</c> is 20,000,000 bytes. The product is cut to a whole number of bytes.
/// </summary>
public static class DiveSizeText
{
    private static readonly Dictionary<string, double> Factors = Build();

    private static Dictionary<string, double> Build()
    {
        var factors = new Dictionary<string, double>(StringComparer.Ordinal) { [""] = 1, ["b"] = 1 };
        var si = 1.0;
        var binary = 1.0;
        foreach (var prefix in "kmgtpe")
        {
            si *= 1000;
            binary *= 1024;
            factors[prefix.ToString()] = si;
            factors[prefix + "b"] = si;
            factors[prefix + "i"] = binary;
            factors[prefix + "ib"] = binary;
        }
        return factors;
    }

    /// <summary>The size in bytes, or null with a problem when dive would refuse the value.</summary>
    public static long? Parse(string text, out string problem)
    {
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ','))
            end++;
        var number = text[..end].Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problem = $"'{text}' is not a size dive reads (a number, then B, kB, MB, GB or KiB, MiB, GiB …)";
            return null;
        }
        var unit = text[end..].Trim().ToLowerInvariant();
        if (!Factors.TryGetValue(unit, out var factor))
        {
            problem = $"'{text}': dive does not know the unit '{unit}'";
            return null;
        }
        var bytes = value * factor;
        if (bytes >= long.MaxValue)
        {
            problem = $"'{text}' is too large a size";
            return null;
        }
        problem = "";
        return (long)bytes;
    }
}
