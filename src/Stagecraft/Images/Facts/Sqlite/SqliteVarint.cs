namespace Stagecraft.Images.Facts.Sqlite;

/// <summary>SQLite's variable-length integers: big-endian, 7 bits a byte with the high bit saying "more", at most 9 bytes, the ninth using all 8 bits.</summary>
internal static class SqliteVarint
{
    /// <summary>Reads one varint at <paramref name="offset"/>; returns its length in bytes, or 0 when it runs past the end of <paramref name="bytes"/>.</summary>
    public static int Read(ReadOnlySpan<byte> bytes, int offset, out long value)
    {
        ulong result = 0;
        for (var i = 0; i < 9; i++)
        {
            if (offset + i >= bytes.Length)
            {
                value = 0;
                return 0;
            }
            var b = bytes[offset + i];
            if (i == 8)
            {
                value = (long)((result << 8) | b);
                return 9;
            }
            result = (result << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                value = (long)result;
                return i + 1;
            }
        }
        value = (long)result;
        return 9;
    }
}
