using System.Globalization;

namespace Stagecraft.Images.Layers;

/// <summary>Byte counts as messages show them ("16 GiB", "1.5 MiB", "512 bytes").</summary>
internal static class ByteCount
{
    public static string Format(long bytes)
    {
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        if (bytes < 1024)
            return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(value < 10 && value != Math.Floor(value) ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
