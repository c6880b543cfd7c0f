using System.Formats.Tar;
using System.Text.Json;
using Stagecraft.Images;
using Stagecraft.Images.Facts;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Facts;

/// <summary>
/// The facts of dive's real test image (busybox base, files copied, moved and deleted over 14 layers). The layers are
/// merged here the simple way (last layer wins, whiteouts delete) only to feed the facts; the real merged index is
/// <c>Images/Files</c>' job and is tested there.
/// </summary>
public class DiveImageTests
{
    [Fact]
    public void The_busybox_test_image_is_recognised_and_its_tmp_leftover_measured()
    {
        var archive = SharedData.Require("testdata/dive-images/test-docker-image.tar");
        var (files, config) = Load(archive);

        var facts = ImageFacts.Collect(files, config);

        Assert.Equal("busybox", facts.BaseImage?.Image);
        Assert.Null(facts.OsRelease);
        Assert.Empty(facts.Packages.Databases);
        Assert.Empty(facts.BuildTools);
        Assert.Equal(["tmp /tmp 6405 1"], facts.Caches.Select(c => $"{c.Tool} {c.Path} {c.Bytes} {c.Files}"));
        Assert.Equal((true, "no USER is set, so the container runs as root"), (facts.Config.RunsAsRoot, facts.Config.UserReason));
        Assert.Empty(facts.Secrets);
        Assert.Empty(facts.Notes);
        Assert.True(new ImagePaths(files).Find("/bin/sh") is { Kind: LayerEntryKind.File, Size: > 500_000 }, "/bin/sh is busybox through a hard link");
    }

    private static (InMemoryImageFiles Files, ImageConfig Config) Load(string archive)
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var outer = File.OpenRead(archive))
        using (var reader = new TarReader(outer))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is { } data && (entry.Name.EndsWith(".json", StringComparison.Ordinal) || entry.Name.EndsWith("layer.tar", StringComparison.Ordinal)))
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    blobs[entry.Name] = copy.ToArray();
                }
            }
        }
        using var manifest = JsonDocument.Parse(blobs["manifest.json"]);
        var image = manifest.RootElement[0];
        using var configJson = JsonDocument.Parse(blobs[image.GetProperty("Config").GetString()!]);
        var containerConfig = configJson.RootElement.GetProperty("config");
        var config = new ImageConfig
        {
            Env = [.. containerConfig.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!)],
            User = containerConfig.TryGetProperty("User", out var user) ? user.GetString() : null,
        };

        var merged = new SortedDictionary<string, (TarEntry Entry, byte[]? Bytes)>(StringComparer.Ordinal);
        foreach (var layer in image.GetProperty("Layers").EnumerateArray())
        {
            using var reader = new TarReader(new MemoryStream(blobs[layer.GetString()!]));
            while (reader.GetNextEntry() is { } entry)
            {
                var path = "/" + entry.Name.TrimStart('.').Trim('/');
                var name = path[(path.LastIndexOf('/') + 1)..];
                if (name.StartsWith(".wh.", StringComparison.Ordinal))
                {
                    var folder = path[..path.LastIndexOf('/')];
                    var deleted = name == ".wh..wh..opq" ? folder + "/" : folder + "/" + name[4..];
                    foreach (var key in merged.Keys.Where(k => k == deleted || k.StartsWith(deleted.TrimEnd('/') + "/", StringComparison.Ordinal)).ToList())
                        merged.Remove(key);
                    continue;
                }
                byte[]? bytes = null;
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    data.CopyTo(copy);
                    bytes = copy.ToArray();
                }
                merged[path] = (entry, bytes);
            }
        }

        var files = new InMemoryImageFiles();
        foreach (var (path, (entry, bytes)) in merged)
        {
            if (path == "/")
                continue;
            var mode = (int)entry.Mode;
            _ = entry.EntryType switch
            {
                TarEntryType.Directory => files.Directory(path, mode),
                TarEntryType.SymbolicLink => files.Symlink(path, entry.LinkName),
                TarEntryType.HardLink => files.Hardlink(path, entry.LinkName),
                TarEntryType.RegularFile or TarEntryType.V7RegularFile => files.File(path, bytes ?? [], mode, entry.Uid, entry.Gid),
                _ => files,
            };
        }
        return (files, config);
    }
}
