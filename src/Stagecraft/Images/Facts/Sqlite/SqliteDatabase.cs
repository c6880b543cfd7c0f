using System.Buffers.Binary;
using System.Text;

namespace Stagecraft.Images.Facts.Sqlite;

/// <summary>
/// A read-only reader of the SQLite 3 file format, enough to list the tables and read every row of one: the 100-byte
/// header, table b-tree interior and leaf pages, overflow chains and the record format. It never trusts the file: page
/// numbers, cell offsets, payload sizes and loops are checked, and anything wrong is a <see cref="SqliteFormatException"/>.
/// </summary>
internal sealed class SqliteDatabase
{
    private const string Magic = "SQLite format 3\0";
    private const byte TableInterior = 0x05;
    private const byte TableLeaf = 0x0D;

    private readonly ReadOnlyMemory<byte> _file;
    private readonly string _name;
    private readonly Encoding _text;

    private SqliteDatabase(ReadOnlyMemory<byte> file, string name, int pageSize, int usableSize, int pageCount, Encoding text)
    {
        _file = file;
        _name = name;
        PageSize = pageSize;
        UsableSize = usableSize;
        PageCount = pageCount;
        _text = text;
    }

    public int PageSize { get; }

    /// <summary>The page size less the bytes each page reserves at its end for extensions.</summary>
    public int UsableSize { get; }

    public int PageCount { get; }

    /// <summary>Checks the header of <paramref name="file"/>; <paramref name="name"/> is the path messages name.</summary>
    public static SqliteDatabase Open(ReadOnlyMemory<byte> file, string name)
    {
        var bytes = file.Span;
        if (bytes.Length < 100 || !bytes[..16].SequenceEqual(Encoding.ASCII.GetBytes(Magic)))
            throw new SqliteFormatException($"{name}: not an SQLite 3 database (no 'SQLite format 3' header)");
        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(bytes[16..]);
        if (pageSize == 1)
            pageSize = 65536;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
            throw new SqliteFormatException($"{name}: page size {pageSize} in the header is not a power of two between 512 and 65536");
        var usable = pageSize - bytes[20];
        if (usable < 480)
            throw new SqliteFormatException($"{name}: {bytes[20]} reserved bytes a page leave too little room for b-tree cells");
        if (bytes[21] != 64 || bytes[22] != 32 || bytes[23] != 32)
            throw new SqliteFormatException($"{name}: payload fractions {bytes[21]}/{bytes[22]}/{bytes[23]} in the header are not SQLite's fixed 64/32/32");
        var pagesInFile = (int)Math.Min(bytes.Length / pageSize, int.MaxValue);
        var headerPages = BinaryPrimitives.ReadUInt32BigEndian(bytes[28..]);
        var headerValid = headerPages != 0 && BinaryPrimitives.ReadUInt32BigEndian(bytes[24..]) == BinaryPrimitives.ReadUInt32BigEndian(bytes[92..]);
        if (headerValid && headerPages > pagesInFile)
            throw new SqliteFormatException($"{name}: truncated: the header counts {headerPages} pages of {pageSize} bytes, the file holds {pagesInFile}");
        var pageCount = headerValid ? (int)headerPages : pagesInFile;
        var text = BinaryPrimitives.ReadUInt32BigEndian(bytes[56..]) switch
        {
            0 or 1 => Encoding.UTF8,
            2 => Encoding.Unicode,
            3 => Encoding.BigEndianUnicode,
            var other => throw new SqliteFormatException($"{name}: unknown text encoding {other} in the header"),
        };
        return new SqliteDatabase(file, name, pageSize, usable, pageCount, text);
    }

    /// <summary>The rows of <c>sqlite_schema</c>: every table, index, view and trigger with its root page.</summary>
    public IReadOnlyList<SqliteSchemaEntry> ReadSchema()
    {
        var entries = new List<SqliteSchemaEntry>();
        foreach (var row in ReadTable(1))
        {
            var values = row.Values;
            if (values.Count < 5)
                throw new SqliteFormatException($"{_name}: a schema row has {values.Count} columns instead of 5");
            entries.Add(new SqliteSchemaEntry(values[0] as string ?? "", values[1] as string ?? "", values[2] as string ?? "",
                values[3] is long root ? root : 0, values[4] as string));
        }
        return entries;
    }

    /// <summary>Every row of the named table, in rowid order.</summary>
    public IEnumerable<SqliteRow> ReadTable(string table)
    {
        foreach (var entry in ReadSchema())
        {
            if (entry.Type == "table" && string.Equals(entry.Name, table, StringComparison.OrdinalIgnoreCase))
            {
                if (entry.RootPage is < 1 or > int.MaxValue)
                    throw new SqliteFormatException($"{_name}: table {table} has root page {entry.RootPage}, outside the file");
                return ReadTable((int)entry.RootPage);
            }
        }
        throw new SqliteFormatException($"{_name}: no table named {table}");
    }

    /// <summary>Every row of the table b-tree rooted at <paramref name="rootPage"/>, in rowid order.</summary>
    public IEnumerable<SqliteRow> ReadTable(int rootPage)
    {
        var visited = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(rootPage);
        while (pending.TryPop(out var pageNumber))
        {
            // A page met twice means a loop (or two parents): a corrupt or hostile file, which must not make us walk for ever.
            if (!visited.Add(pageNumber))
                throw Corrupt(pageNumber, "is reached twice in one b-tree");
            var header = pageNumber == 1 ? 100 : 0;
            var page = Page(pageNumber);
            var type = page[header];
            if (type is not (TableInterior or TableLeaf))
                throw Corrupt(pageNumber, $"is not a table b-tree page (type 0x{type:X2})");
            int cells = BinaryPrimitives.ReadUInt16BigEndian(page[(header + 3)..]);
            var pointers = header + (type == TableLeaf ? 8 : 12);
            if (pointers + 2 * cells > UsableSize)
                throw Corrupt(pageNumber, $"claims {cells} cells, more than fit");
            if (type == TableInterior)
            {
                // Children go on the stack right to left so the leftmost (smallest rowids) is read first.
                pending.Push(ChildPage(pageNumber, (int)BinaryPrimitives.ReadUInt32BigEndian(page[(header + 8)..])));
                for (var i = cells - 1; i >= 0; i--)
                {
                    var cell = CellOffset(pageNumber, page, pointers, i);
                    pending.Push(ChildPage(pageNumber, (int)BinaryPrimitives.ReadUInt32BigEndian(page[cell..])));
                }
                continue;
            }
            for (var i = 0; i < cells; i++)
                yield return ReadLeafCell(pageNumber, CellOffset(pageNumber, Page(pageNumber), pointers, i));
        }
    }

    private SqliteRow ReadLeafCell(int pageNumber, int cell)
    {
        var page = Page(pageNumber);
        var sizeLength = SqliteVarint.Read(page[..UsableSize], cell, out var payloadSize);
        long rowid = 0;
        var rowidLength = sizeLength == 0 ? 0 : SqliteVarint.Read(page[..UsableSize], cell + sizeLength, out rowid);
        if (rowidLength == 0)
            throw Corrupt(pageNumber, $"has a cell at offset {cell} that runs past the page");
        var start = cell + sizeLength + rowidLength;
        if (payloadSize < 0 || payloadSize > (long)PageCount * UsableSize)
            throw Corrupt(pageNumber, $"has a cell claiming {payloadSize} bytes, more than the file holds");
        var size = (int)payloadSize;
        var local = LocalPayloadSize(size);
        if (start + local + (local < size ? 4 : 0) > UsableSize)
            throw Corrupt(pageNumber, $"has a cell at offset {cell} that runs past the page");
        var payload = new byte[size];
        page.Slice(start, local).CopyTo(payload);
        if (local < size)
            ReadOverflow(pageNumber, (int)BinaryPrimitives.ReadUInt32BigEndian(page[(start + local)..]), payload.AsSpan(local));
        return new SqliteRow(rowid, SqliteRecord.Decode(payload, _text, () => Corrupt(pageNumber, $"has a malformed record (rowid {rowid})")));
    }

    /// <summary>How much of a table-leaf payload stays on the page; the rest goes to overflow pages (the file format's fixed rule).</summary>
    private int LocalPayloadSize(int payloadSize)
    {
        var maxLocal = UsableSize - 35;
        if (payloadSize <= maxLocal)
            return payloadSize;
        var minLocal = (UsableSize - 12) * 32 / 255 - 23;
        var local = minLocal + (payloadSize - minLocal) % (UsableSize - 4);
        return local <= maxLocal ? local : minLocal;
    }

    private void ReadOverflow(int fromPage, int next, Span<byte> rest)
    {
        var chunk = UsableSize - 4;
        var pages = 0;
        while (!rest.IsEmpty)
        {
            if (next == 0)
                throw Corrupt(fromPage, $"has an overflow chain that ends {rest.Length} bytes early");
            // The payload size bounds the chain, so a loop of overflow pages ends here too.
            if (++pages > PageCount)
                throw Corrupt(fromPage, "has an overflow chain longer than the file");
            var page = Page(next);
            var take = Math.Min(chunk, rest.Length);
            page.Slice(4, take).CopyTo(rest);
            rest = rest[take..];
            next = (int)BinaryPrimitives.ReadUInt32BigEndian(page);
        }
    }

    private ReadOnlySpan<byte> Page(int number)
    {
        if (number < 1 || number > PageCount)
            throw new SqliteFormatException($"{_name}: page {number} is outside the file's {PageCount} pages");
        return _file.Span.Slice((number - 1) * PageSize, PageSize);
    }

    private int ChildPage(int parent, int child) =>
        child >= 1 && child <= PageCount ? child : throw Corrupt(parent, $"points to page {child}, outside the file's {PageCount} pages");

    private int CellOffset(int pageNumber, ReadOnlySpan<byte> page, int pointers, int index)
    {
        int offset = BinaryPrimitives.ReadUInt16BigEndian(page[(pointers + 2 * index)..]);
        if (offset < pointers || offset + 4 > UsableSize)
            throw Corrupt(pageNumber, $"has cell {index} at offset {offset}, outside the cell area");
        return offset;
    }

    private SqliteFormatException Corrupt(int page, string what) => new($"{_name}: page {page} {what}");
}

/// <summary>One row of <c>sqlite_schema</c>.</summary>
internal sealed record SqliteSchemaEntry(string Type, string Name, string TableName, long RootPage, string? Sql);

/// <summary>One table row: its rowid and its column values (null, long, double, string or byte[]), in column order.</summary>
internal sealed record SqliteRow(long RowId, IReadOnlyList<object?> Values);
