namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// dpkg's database: <c>/var/lib/dpkg/status</c> (only packages whose state is "installed"), distroless's
/// <c>/var/lib/dpkg/status.d/</c> (one control file per package, no state field), and the <c>info/*.list</c> file lists
/// that say which package installed which path.
/// </summary>
internal sealed class DpkgDatabase : IEntryObserver
{
    public const string StatusPath = "/var/lib/dpkg/status";
    public const string StatusFolder = "/var/lib/dpkg/status.d";
    public const string InfoFolder = "/var/lib/dpkg/info";

    private readonly List<string> _statusFiles = [];
    private readonly List<string> _listFiles = [];

    public void Observe(LayerEntry entry)
    {
        if (entry.Kind != LayerEntryKind.File)
            return;
        var parent = PathParts.Parent(entry.Path);
        if (parent.SequenceEqual(StatusFolder) && !entry.Path.EndsWith(".md5sums", StringComparison.Ordinal))
            _statusFiles.Add(entry.Path);
        else if (parent.SequenceEqual(InfoFolder) && entry.Path.EndsWith(".list", StringComparison.Ordinal))
            _listFiles.Add(entry.Path);
    }

    public PackageDatabase? Read(ImagePaths paths, IImageFiles files, List<string> notes)
    {
        var packages = new List<InstalledPackage>();
        var seen = new HashSet<(string, string?)>();
        string? source = null;
        if (PackageFiles.Read(paths, files, StatusPath, notes) is { } status)
        {
            source = StatusPath;
            Add(status, StatusPath, requireInstalled: true);
        }
        _statusFiles.SortInPlace(StringComparer.Ordinal);
        foreach (var file in _statusFiles)
        {
            source ??= StatusFolder;
            if (PackageFiles.Read(paths, files, file, notes) is { } content)
                Add(content, file, requireInstalled: false);
        }
        return source is null ? null : new PackageDatabase(OsPackageManager.Dpkg, source, packages);

        void Add(ReadOnlyMemory<byte> content, string path, bool requireInstalled)
        {
            foreach (var (line, fields) in ControlParagraphs.Read(content, path, notes))
            {
                if (!fields.TryGetValue("Package", out var name) || name.Length == 0)
                {
                    notes.Add($"{path}:{line}: a paragraph without a Package field; skipped");
                    continue;
                }
                if (!IsInstalled(fields, requireInstalled))
                    continue;
                var architecture = fields.GetValueOrDefault("Architecture");
                if (!seen.Add((name, architecture)))
                    continue;
                long? size = long.TryParse(fields.GetValueOrDefault("Installed-Size"), out var kib) && kib >= 0 ? kib * 1024 : null;
                packages.Add(new InstalledPackage(name, fields.GetValueOrDefault("Version") ?? "", architecture, size));
            }
        }
    }

    /// <summary>
    /// The Status field is "want error-flag state"; a package is on disk when its state is "installed" and nothing is
    /// broken ("ok"), whatever the user wants next: "hold ok installed" and "deinstall ok installed" are installed too.
    /// </summary>
    private static bool IsInstalled(Dictionary<string, string> fields, bool required)
    {
        if (!fields.TryGetValue("Status", out var status))
            return !required;
        var words = status.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 3 && words[1] == "ok" && words[2] == "installed";
    }

    /// <summary>Offers every path of every kept .list file, with its package, to <paramref name="owners"/>.</summary>
    public void FindOwners(ImagePaths paths, IImageFiles files, PackageOwners owners)
    {
        foreach (var list in _listFiles)
        {
            if (!paths.TryReadContent(list, out var content))
                continue;
            var name = PathParts.Name(list)[..^".list".Length];
            // Multi-arch packages have "name:arch.list".
            var colon = name.IndexOf(':');
            var package = (colon > 0 ? name[..colon] : name).ToString();
            var text = System.Text.Encoding.UTF8.GetString(content.Span).AsSpan();
            foreach (var line in text.EnumerateLines())
                owners.Offer(line, package);
        }
    }
}
