using System.Text;
using Stagecraft.Images.Facts.Sqlite;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Facts;

public class SqliteDatabaseTests
{
    /// <summary>A deterministic blob of <paramref name="length"/> bytes, different for each seed.</summary>
    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
            bytes[i] = (byte)((i * 31 + seed * 7 + i / 251) & 0xFF);
        return bytes;
    }

    private static byte[] MakeDatabase(string sql)
    {
        ExternalCommand.Require("sqlite3", "sqlite3");
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.FullPath, "test.sqlite");
        ExternalCommand.Run("sqlite3", [path], sql);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void Reads_blobs_that_spill_to_overflow_pages_at_every_size_boundary()
    {
        // Sizes around the spill thresholds of 512- and 4096-byte pages, and far beyond one page.
        int[] sizes = [0, 1, 100, 477, 478, 479, 480, 1000, 4000, 4061, 4062, 4063, 4064, 4065, 8150, 8200, 20000, 100000];
        foreach (var pageSize in new[] { 512, 4096 })
        {
            var sql = new StringBuilder($"PRAGMA page_size={pageSize};\nCREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL);\n");
            for (var i = 0; i < sizes.Length; i++)
                sql.Append($"INSERT INTO Packages (blob) VALUES (X'{Convert.ToHexString(Pattern(sizes[i], i))}');\n");
            var database = SqliteDatabase.Open(MakeDatabase(sql.ToString()), "test.sqlite");

            var rows = database.ReadTable("Packages").ToList();

            Assert.Equal(pageSize, database.PageSize);
            Assert.Equal(sizes.Length, rows.Count);
            for (var i = 0; i < sizes.Length; i++)
            {
                Assert.Equal(i + 1, rows[i].RowId);
                Assert.Null(rows[i].Values[0]); // an INTEGER PRIMARY KEY is stored as the rowid
                Assert.Equal(Pattern(sizes[i], i), (byte[])rows[i].Values[1]!);
            }
        }
    }

    [Fact]
    public void Walks_interior_pages_of_a_table_with_many_rows_in_rowid_order()
    {
        var sql = new StringBuilder("PRAGMA page_size=1024;\nCREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, x REAL, empty);\nBEGIN;\n");
        for (var i = 1; i <= 3000; i++)
            sql.Append($"INSERT INTO t VALUES ({i * 3}, 'name-{i}', {(long)(i - 1500) * 1_000_003_000L}, {i}.5, NULL);\n");
        sql.Append("COMMIT;\n");
        var database = SqliteDatabase.Open(MakeDatabase(sql.ToString()), "many.sqlite");

        var rows = database.ReadTable("t").ToList();

        Assert.True(database.PageCount > 50);
        Assert.Equal(3000, rows.Count);
        for (var i = 1; i <= 3000; i++)
        {
            var row = rows[i - 1];
            Assert.Equal(i * 3, row.RowId);
            Assert.Equal($"name-{i}", row.Values[1]);
            Assert.Equal((long)(i - 1500) * 1_000_003_000L, row.Values[2]);
            Assert.Equal(i + 0.5, row.Values[3]);
            Assert.Null(row.Values[4]);
        }
    }

    [Fact]
    public void Decodes_every_integer_width_and_the_constant_zero_and_one()
    {
        long[] values = [0, 1, -1, 127, -128, 32767, -32768, 8388607, -8388608, 2147483647, -2147483648, 140737488355327, -140737488355328, long.MaxValue, long.MinValue];
        var sql = new StringBuilder("CREATE TABLE n (v INTEGER);\n");
        foreach (var value in values)
            sql.Append(value == long.MinValue ? "INSERT INTO n VALUES (-9223372036854775807 - 1);\n" : $"INSERT INTO n VALUES ({value});\n");

        var rows = SqliteDatabase.Open(MakeDatabase(sql.ToString()), "n.sqlite").ReadTable("n").Select(r => (long)r.Values[0]!).ToArray();

        Assert.Equal(values, rows);
    }

    [Fact]
    public void Reads_text_from_a_utf16_database()
    {
        var database = SqliteDatabase.Open(MakeDatabase("PRAGMA encoding='UTF-16le';\nCREATE TABLE t (s TEXT);\nINSERT INTO t VALUES ('grüße, 世界');\n"), "utf16.sqlite");

        Assert.Equal("grüße, 世界", database.ReadTable("t").Single().Values[0]);
    }

    [Fact]
    public void Lists_the_schema_with_root_pages()
    {
        var database = SqliteDatabase.Open(MakeDatabase("CREATE TABLE a (x);\nCREATE TABLE b (y);\nCREATE INDEX b_y ON b(y);\n"), "schema.sqlite");

        var schema = database.ReadSchema();

        Assert.Equal(["a", "b", "b_y"], schema.Select(e => e.Name));
        Assert.Equal("index", schema[2].Type);
        Assert.All(schema, e => Assert.InRange(e.RootPage, 2, database.PageCount));
        Assert.Throws<SqliteFormatException>(() => database.ReadTable("missing"));
    }

    [Fact]
    public void A_file_that_is_not_sqlite_or_is_cut_short_is_refused_naming_the_file()
    {
        var whole = MakeDatabase("CREATE TABLE t (x);\nINSERT INTO t VALUES (zeroblob(20000));\n");

        var notSqlite = Assert.Throws<SqliteFormatException>(() => SqliteDatabase.Open(Encoding.ASCII.GetBytes("not a database at all, just text that is long enough to have a header of 100 bytes......................."), "x.db"));
        var truncated = Assert.Throws<SqliteFormatException>(() => SqliteDatabase.Open(whole.AsMemory(0, whole.Length - 4096), "cut.db"));

        Assert.StartsWith("x.db: not an SQLite 3 database", notSqlite.Message, StringComparison.Ordinal);
        Assert.StartsWith("cut.db: truncated", truncated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_b_tree_loop_is_refused_instead_of_walked_for_ever()
    {
        var bytes = MakeDatabase("PRAGMA page_size=512;\nCREATE TABLE t (x);\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"INSERT INTO t VALUES ('row {i} with some padding text');\n")));
        var database = SqliteDatabase.Open(bytes, "loop.db");
        var root = (int)database.ReadSchema().Single().RootPage;
        var rootOffset = (root - 1) * 512;
        Assert.Equal(0x05, bytes[rootOffset]); // an interior page
        // Point the root's right-most child back at the root itself.
        bytes[rootOffset + 8] = (byte)(root >> 24);
        bytes[rootOffset + 9] = (byte)(root >> 16);
        bytes[rootOffset + 10] = (byte)(root >> 8);
        bytes[rootOffset + 11] = (byte)root;

        var error = Assert.Throws<SqliteFormatException>(() => SqliteDatabase.Open(bytes, "loop.db").ReadTable("t").ToList());

        Assert.Equal($"loop.db: page {root} is reached twice in one b-tree", error.Message);
    }

    [Fact]
    public void Damaged_bytes_anywhere_give_rows_or_a_format_error_never_a_crash()
    {
        var original = MakeDatabase("PRAGMA page_size=512;\nCREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob BLOB);\n"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"INSERT INTO Packages (blob) VALUES (X'{Convert.ToHexString(Pattern(50 + i * 97, i))}');\n")));
        var random = new Random(20240605);
        var failures = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                var database = SqliteDatabase.Open(bytes, "fuzz.db");
                foreach (var row in database.ReadTable("Packages"))
                    Assert.NotNull(row.Values);
            }
            catch (SqliteFormatException)
            {
                failures++;
            }
        }
        Assert.InRange(failures, 1, 1999);
    }
}
