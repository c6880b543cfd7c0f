using Stagecraft.Images.Facts.Sqlite;

namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// rpm's database. Modern Fedora, RHEL 9 and their kin keep it in SQLite (<c>rpmdb.sqlite</c>, table <c>Packages</c>, one
/// header blob a row), read here with our own SQLite reader. The older BerkeleyDB <c>Packages</c> and SUSE's ndb
/// <c>Packages.db</c> are recognised and reported as present but not read.
/// </summary>
internal sealed class RpmDatabase
{
    // Fedora 36+ moved the database to /usr/lib/sysimage/rpm and left /var/lib/rpm as a link to it.
    public static readonly string[] Folders = ["/var/lib/rpm", "/usr/lib/sysimage/rpm"];
    public const string SqliteName = "rpmdb.sqlite";

    private readonly List<RpmHeader> _headers = [];

    public PackageDatabase? Read(ImagePaths paths, IImageFiles files, List<string> notes)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            var path = folder + "/" + SqliteName;
            if (paths.Find(path) is not { Kind: LayerEntryKind.File } entry || !tried.Add(entry.Path))
                continue;
            if (PackageFiles.Read(paths, files, path, notes) is not { } content)
                return null;
            if (paths.Find(path + "-wal") is { Kind: LayerEntryKind.File, Size: > 0 } wal)
                notes.Add($"{path}-wal: {wal.Size} bytes of changes not yet written back to {SqliteName}; the packages installed last may be missing");
            return ReadSqlite(path, content, notes);
        }
        foreach (var folder in Folders)
        {
            foreach (var (name, format) in new[] { ("Packages", "BerkeleyDB"), ("Packages.db", "ndb") })
            {
                var path = folder + "/" + name;
                if (paths.Find(path) is { Kind: LayerEntryKind.File } entry && tried.Add(entry.Path))
                    notes.Add($"{path}: an rpm database in the {format} format, which is not read; its packages are not listed");
            }
        }
        return null;
    }

    private PackageDatabase? ReadSqlite(string path, ReadOnlyMemory<byte> content, List<string> notes)
    {
        var packages = new List<InstalledPackage>();
        try
        {
            var database = SqliteDatabase.Open(content, path);
            foreach (var row in database.ReadTable("Packages"))
            {
                if (row.Values.Count < 2 || row.Values[1] is not byte[] blob || RpmHeader.Parse(blob) is not { } header || header.Name is null)
                {
                    notes.Add($"{path}: Packages row {row.RowId} is not an rpm header; skipped");
                    continue;
                }
                _headers.Add(header);
                packages.Add(new InstalledPackage(header.Name, Evr(header), header.Architecture, header.InstalledSize));
            }
        }
        catch (SqliteFormatException error)
        {
            notes.Add(error.Message + "; rpm packages not read");
            return null;
        }
        return new PackageDatabase(OsPackageManager.Rpm, path, packages);
    }

    /// <summary>rpm's [epoch:]version-release; the epoch only when the package sets one.</summary>
    private static string Evr(RpmHeader header)
    {
        var version = header.Version ?? "";
        if (header.Release is { } release)
            version += "-" + release;
        return header.Epoch is { } epoch ? $"{epoch}:{version}" : version;
    }

    public void FindOwners(PackageOwners owners)
    {
        foreach (var header in _headers)
        {
            foreach (var file in header.FilePaths())
                owners.Offer(file, header.Name!);
        }
    }
}
