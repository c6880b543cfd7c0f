using System.Buffers.Binary;
using System.Text;

namespace Stagecraft.Images.Facts.Sqlite;

/// <summary>The record format: a header of serial types (one varint per column), then the column values back to back.</summary>
internal static class SqliteRecord
{
    public static object?[] Decode(ReadOnlySpan<byte> payload, Encoding text, Func<SqliteFormatException> corrupt)
    {
        var headerLength = SqliteVarint.Read(payload, 0, out var headerSize);
        if (headerLength == 0 || headerSize < headerLength || headerSize > payload.Length)
            throw corrupt();
        var types = new List<long>();
        for (var at = headerLength; at < headerSize;)
        {
            var length = SqliteVarint.Read(payload[..(int)headerSize], at, out var type);
            if (length == 0)
                throw corrupt();
            types.Add(type);
            at += length;
        }
        var values = new object?[types.Count];
        var offset = (int)headerSize;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var size = ValueSize(type);
            if (size < 0 || size > payload.Length - offset)
                throw corrupt();
            var bytes = payload.Slice(offset, (int)size);
            values[i] = type switch
            {
                0 => null,
                >= 1 and <= 6 => ReadInteger(bytes),
                7 => BinaryPrimitives.ReadDoubleBigEndian(bytes),
                8 => 0L,
                9 => 1L,
                _ when type >= 12 && type % 2 == 0 => bytes.ToArray(),
                _ when type >= 13 => text.GetString(bytes),
                _ => throw corrupt(),
            };
            offset += (int)size;
        }
        return values;
    }

    /// <summary>Bytes a value of this serial type takes; -1 for the two types reserved for internal use.</summary>
    private static long ValueSize(long type) => type switch
    {
        0 or 8 or 9 => 0,
        >= 1 and <= 4 => type,
        5 => 6,
        6 or 7 => 8,
        10 or 11 => -1,
        _ => (type - (type % 2 == 0 ? 12 : 13)) / 2,
    };

    /// <summary>A big-endian two's-complement integer of 1, 2, 3, 4, 6 or 8 bytes.</summary>
    private static long ReadInteger(ReadOnlySpan<byte> bytes)
    {
        long value = (sbyte)bytes[0];
        for (var i = 1; i < bytes.Length; i++)
            value = (value << 8) | bytes[i];
        return value;
    }
}
