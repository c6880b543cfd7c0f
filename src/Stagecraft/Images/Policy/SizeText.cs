using System.Globalization;

namespace Stagecraft.Images.Policy;

/// <summary>
/// Byte sizes as policies write them: a number and a unit, SI (<c>kB</c>, <c>MB</c>, <c>GB</c>, <c>TB</c>: powers of
/// 1,000, as Docker and registries show sizes) or binary (<c>KiB</c>, <c>MiB</c>, <c>GiB</c>, <c>TiB</c>: powers of
/// 1,024). A plain number is bytes. Unit names are case-insensitive (<c>mb</c>, <c>Mb</c> and <c>MB</c> are all
/// 1,000,000 bytes — image sizes are never bits); single letters (<c>M</c>, <c>G</c>) are refused because tools
/// disagree on whether they mean 1,000 or 1,024. A fraction is allowed (<c>1.5GB</c>) and rounded down to a whole byte.
/// </summary>
public static class SizeText
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("b", 1),
        ("kb", 1_000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("tb", 1_000_000_000_000),
        ("kib", 1L << 10), ("mib", 1L << 20), ("gib", 1L << 30), ("tib", 1L << 40),
    ];

    /// <summary>What every error message ends with.</summary>
    public const string Help = "write a number of bytes, or a number with kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 150MB";

    /// <summary>The size in bytes, or a problem naming <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out long bytes, out string problem)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var end = 0;
        while (end < trimmed.Length && (char.IsAsciiDigit(trimmed[end]) || trimmed[end] == '.'))
            end++;
        var number = trimmed[..end];
        var unit = trimmed[end..].Trim();
        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problem = $"'{text}' is not a size: {Help}";
            return false;
        }
        long factor = 1;
        if (unit.Length > 0)
        {
            var known = Array.FindIndex(Units, u => u.Unit.Equals(unit, StringComparison.OrdinalIgnoreCase));
            if (known < 0)
            {
                problem = unit.Length == 1 && "kmgt".Contains(char.ToLowerInvariant(unit[0]))
                    ? $"'{text}': '{unit}' could mean powers of 1000 or of 1024; write {char.ToUpperInvariant(unit[0])}B or {char.ToUpperInvariant(unit[0])}iB"
                    : $"'{text}': unknown unit '{unit}'; {Help}";
                return false;
            }
            factor = Units[known].Factor;
        }
        try
        {
            bytes = checked((long)decimal.Floor(value * factor));
        }
        catch (OverflowException)
        {
            problem = $"'{text}' is too large a size";
            return false;
        }
        problem = "";
        return true;
    }

    /// <exception cref="StagecraftException">Not a size; the message names the value.</exception>
    public static long Parse(string text, string what) =>
        TryParse(text, out var bytes, out var problem) ? bytes : throw new StagecraftException($"{what}: {problem}");
}
