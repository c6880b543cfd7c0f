using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Stagecraft.Images;

namespace Stagecraft.Tests.Images.Files.Support;

/// <summary>
/// Test-only: the layers of a legacy <c>docker save</c> archive (manifest.json naming each layer tar, bottom first) as
/// <see cref="LayerEntry"/> lists, so the index can be tested against dive's figures before the real image readers land.
/// </summary>
internal static class LegacyDockerArchive
{
    public static IReadOnlyList<IReadOnlyList<LayerEntry>> ReadLayers(string archivePath)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var archive = new TarReader(File.OpenRead(archivePath)))
        {
            while (archive.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                    continue;
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                files[entry.Name] = buffer.ToArray();
            }
        }
        using var manifest = JsonDocument.Parse(files["manifest.json"]);
        var layers = new List<IReadOnlyList<LayerEntry>>();
        foreach (var layer in manifest.RootElement[0].GetProperty("Layers").EnumerateArray())
        {
            var name = layer.GetString()!;
            Stream data = new MemoryStream(files[name]);
            if (name.EndsWith(".gz", StringComparison.Ordinal))
                data = new GZipStream(data, CompressionMode.Decompress);
            layers.Add(ReadLayer(data));
        }
        return layers;
    }

    private static List<LayerEntry> ReadLayer(Stream layer)
    {
        var entries = new List<LayerEntry>();
        using var reader = new TarReader(layer);
        while (reader.GetNextEntry() is { } tar)
        {
            var path = Normalise(tar.Name);
            if (path is null)
                continue;
            var slash = path.LastIndexOf('/');
            var name = path[(slash + 1)..];
            var parent = slash == 0 ? "/" : path[..slash];
            var (entryPath, kind) = name switch
            {
                ".wh..wh..opq" => (parent, LayerEntryKind.OpaqueDirectory),
                _ when name.StartsWith(".wh.", StringComparison.Ordinal) => ((parent == "/" ? "/" : parent + "/") + name[4..], LayerEntryKind.Whiteout),
                _ => (path, KindOf(tar.EntryType)),
            };
            var size = kind == LayerEntryKind.File ? tar.Length : 0;
            var link = tar.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink ? tar.LinkName : null;
            entries.Add(new LayerEntry(entryPath, kind, size, (int)tar.Mode, tar.Uid, tar.Gid, link, tar.ModificationTime));
        }
        return entries;
    }

    /// <summary>"./usr/bin/" → "/usr/bin"; null for the archive root itself.</summary>
    private static string? Normalise(string name)
    {
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        return segments.Length == 0 ? null : "/" + string.Join('/', segments);
    }

    private static LayerEntryKind KindOf(TarEntryType type) => type switch
    {
        TarEntryType.Directory => LayerEntryKind.Directory,
        TarEntryType.SymbolicLink => LayerEntryKind.Symlink,
        TarEntryType.HardLink => LayerEntryKind.Hardlink,
        TarEntryType.CharacterDevice => LayerEntryKind.CharacterDevice,
        TarEntryType.BlockDevice => LayerEntryKind.BlockDevice,
        TarEntryType.Fifo => LayerEntryKind.Fifo,
        _ => LayerEntryKind.File,
    };
}
