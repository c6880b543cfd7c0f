using System.Globalization;

namespace Stagecraft.Reporting;

/// <summary>
/// Byte counts for people, in SI units (1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes), as <c>docker images</c>, registries and
/// dive show image sizes, so the numbers can be compared at a glance. Three significant digits: 512 B, 6.41 kB, 1.22 MB,
/// 541 MB. Machine-readable formats always give exact bytes.
/// </summary>
public static class ByteSize
{
    private static readonly string[] Units = ["kB", "MB", "GB", "TB", "PB", "EB"];

    public static string Format(long bytes)
    {
        if (bytes < 0)
            return "-" + Format(bytes == long.MinValue ? long.MaxValue : -bytes);
        if (bytes < 1000)
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        var value = (double)bytes;
        var unit = -1;
        // Rounding to three digits can carry into the next unit (999.6 kB → 1.00 MB).
        while (unit < Units.Length - 1 && Math.Round(value, value < 10 ? 2 : value < 100 ? 1 : 0) >= 1000)
        {
            value /= 1000;
            unit++;
        }
        var format = value < 10 ? "0.00" : value < 100 ? "0.0" : "0";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
