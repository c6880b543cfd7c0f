using System.Text;

namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// apk's database <c>/lib/apk/db/installed</c>: one block of "X:value" lines per package, blocks separated by blank lines.
/// P is the name, V the version, A the architecture, I the installed size in bytes; F opens a folder and each R after it
/// names a file in that folder (paths without the leading '/').
/// </summary>
internal static class ApkDatabase
{
    public const string InstalledPath = "/lib/apk/db/installed";

    public static PackageDatabase? Read(ImagePaths paths, IImageFiles files, List<string> notes)
    {
        if (PackageFiles.Read(paths, files, InstalledPath, notes) is not { } content)
            return null;
        var packages = new List<InstalledPackage>();
        foreach (var block in Blocks(content, notes))
        {
            if (block.Name is null)
            {
                notes.Add($"{InstalledPath}:{block.Line}: a package block without a P: (name) line; skipped");
                continue;
            }
            packages.Add(new InstalledPackage(block.Name, block.Version ?? "", block.Architecture, block.Size));
        }
        return new PackageDatabase(OsPackageManager.Apk, InstalledPath, packages);
    }

    public static void FindOwners(ImagePaths paths, IImageFiles files, PackageOwners owners)
    {
        if (!paths.TryReadContent(InstalledPath, out var content))
            return;
        foreach (var block in Blocks(content, null))
        {
            if (block.Name is null)
                continue;
            foreach (var file in block.Files)
                owners.Offer(file, block.Name);
        }
    }

    private static IEnumerable<ApkBlock> Blocks(ReadOnlyMemory<byte> content, List<string>? notes)
    {
        ApkBlock? current = null;
        string folder = "";
        var lineNumber = 0;
        foreach (var raw in Encoding.UTF8.GetString(content.Span).Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (current is not null)
                    yield return current;
                current = null;
                folder = "";
                continue;
            }
            if (line.Length < 2 || line[1] != ':')
            {
                notes?.Add($"{InstalledPath}:{lineNumber}: a line that is not 'X:value'; skipped");
                continue;
            }
            current ??= new ApkBlock(lineNumber);
            var value = line[2..];
            switch (line[0])
            {
                case 'P': current.Name = value; break;
                case 'V': current.Version = value; break;
                case 'A': current.Architecture = value; break;
                case 'I': current.Size = long.TryParse(value, out var size) && size >= 0 ? size : null; break;
                case 'F': folder = "/" + value.Trim('/'); break;
                case 'R': current.Files.Add((folder == "/" ? "" : folder) + "/" + value); break;
            }
        }
        if (current is not null)
            yield return current;
    }

    private sealed class ApkBlock(int line)
    {
        public int Line { get; } = line;
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Architecture { get; set; }
        public long? Size { get; set; }
        public List<string> Files { get; } = [];
    }
}
