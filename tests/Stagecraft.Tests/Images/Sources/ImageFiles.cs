using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Stagecraft.Tests.Images.Layers;

namespace Stagecraft.Tests.Images.Sources;

/// <summary>The files of an image being crafted by a test, written out as a folder or as a tar archive.</summary>
internal class ImageFiles
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Stores a blob under blobs/sha256/ and returns its OCI descriptor.</summary>
    public JsonObject Blob(byte[] bytes, string mediaType)
    {
        var digest = LayerTar.Sha256(bytes);
        Files["blobs/sha256/" + digest["sha256:".Length..]] = bytes;
        return new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = bytes.Length };
    }

    public static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>An image config with the given platform and the diff ids of the uncompressed layers.</summary>
    public static byte[] Config(string platform, IEnumerable<byte[]> layerTars, JsonObject? config = null, JsonArray? history = null)
    {
        var parts = platform.Split('/');
        var json = new JsonObject
        {
            ["architecture"] = parts[1],
            ["os"] = parts[0],
            ["created"] = "2024-05-01T12:00:00.123456789Z",
            ["config"] = config ?? new JsonObject { ["Env"] = new JsonArray("PATH=/usr/bin"), ["Cmd"] = new JsonArray("sh") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layerTars.Select(t => (JsonNode)LayerTar.Sha256(t)).ToArray()) },
            ["history"] = history ?? new JsonArray(),
        };
        if (parts.Length == 3)
            json["variant"] = parts[2];
        return Json(json);
    }

    public string SaveTo(string folder)
    {
        foreach (var (name, bytes) in Files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        return folder;
    }

    public string SaveAsTar(string path)
    {
        using var file = File.Create(path);
        using var writer = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (name, bytes) in Files)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(bytes),
                ModificationTime = LayerTar.Time,
            });
        }
        return path;
    }
}

/// <summary>Crafts OCI image layouts: images of gzip (or other) layers, nested indexes, tags.</summary>
internal sealed class OciLayoutBuilder : ImageFiles
{
    /// <summary>Stores an image (config, layers, manifest) and returns the manifest's descriptor, with its platform set.</summary>
    public JsonObject Image(string platform, params byte[][] layerTars) =>
        Image(platform, layerTars.Select(t => (LayerTar.Gzip(t), "application/vnd.oci.image.layer.v1.tar+gzip", t)).ToArray());

    public JsonObject Image(string platform, (byte[] Blob, string MediaType, byte[] Tar)[] layers, JsonObject? configObject = null, JsonObject? layerAnnotations = null)
    {
        var config = Blob(Config(platform, layers.Select(l => l.Tar), configObject), "application/vnd.oci.image.config.v1+json");
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = config,
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode)Annotated(Blob(l.Blob, l.MediaType), layerAnnotations)).ToArray()),
        };
        var descriptor = Blob(Json(manifest), "application/vnd.oci.image.manifest.v1+json");
        var parts = platform.Split('/');
        descriptor["platform"] = parts.Length == 3
            ? new JsonObject { ["architecture"] = parts[1], ["os"] = parts[0], ["variant"] = parts[2] }
            : new JsonObject { ["architecture"] = parts[1], ["os"] = parts[0] };
        return descriptor;
    }

    private static JsonObject Annotated(JsonObject descriptor, JsonObject? annotations)
    {
        if (annotations is not null)
            descriptor["annotations"] = annotations.DeepClone();
        return descriptor;
    }

    /// <summary>Stores an image index listing the given manifests and returns its descriptor.</summary>
    public JsonObject Index(params JsonObject[] manifests)
    {
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(manifests.Select(m => (JsonNode)m.DeepClone()).ToArray()),
        };
        return Blob(Json(index), "application/vnd.oci.image.index.v1+json");
    }

    /// <summary>Writes index.json and oci-layout, listing the given descriptors (tagged when a tag is given).</summary>
    public OciLayoutBuilder Layout(params (JsonObject Descriptor, string? Tag)[] top)
    {
        var manifests = new JsonArray();
        foreach (var (descriptor, tag) in top)
        {
            var copy = (JsonObject)descriptor.DeepClone();
            if (tag is not null)
                copy["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag };
            manifests.Add(copy);
        }
        Files["index.json"] = Json(new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["manifests"] = manifests });
        Files["oci-layout"] = Json(new JsonObject { ["imageLayoutVersion"] = "1.0.0" });
        return this;
    }

    public OciLayoutBuilder Layout(params JsonObject[] top) => Layout(top.Select(d => (d, (string?)null)).ToArray());
}

/// <summary>Crafts <c>docker save</c> archives: the legacy layout and Docker 25+'s OCI-inside layout.</summary>
internal sealed class DockerArchiveBuilder : ImageFiles
{
    private readonly JsonArray _manifest = [];

    /// <summary>Adds an image as Docker before 25 saved it: a config named by its digest and one <c>&lt;id&gt;/layer.tar</c> per layer.</summary>
    public DockerArchiveBuilder Legacy(string[] repoTags, string platform, params byte[][] layerTars)
    {
        var config = Config(platform, layerTars);
        var configName = LayerTar.Sha256(config)["sha256:".Length..] + ".json";
        Files[configName] = config;
        var layers = new JsonArray();
        for (var i = 0; i < layerTars.Length; i++)
        {
            var id = LayerTar.Sha256(Encoding.UTF8.GetBytes(configName + i))["sha256:".Length..];
            Files[id + "/layer.tar"] = layerTars[i];
            Files[id + "/VERSION"] = "1.0"u8.ToArray();
            layers.Add(id + "/layer.tar");
        }
        _manifest.Add(new JsonObject { ["Config"] = configName, ["RepoTags"] = new JsonArray(repoTags.Select(t => (JsonNode)t).ToArray()), ["Layers"] = layers });
        Files["manifest.json"] = Json(_manifest);
        return this;
    }

    /// <summary>Adds an image as Docker 25+ saves it: blobs in an OCI layout, manifest.json pointing into blobs/, index.json naming the manifest.</summary>
    public DockerArchiveBuilder Docker25(string repoTag, string platform, params byte[][] layerTars)
    {
        var config = Blob(Config(platform, layerTars), "application/vnd.oci.image.config.v1+json");
        var layerDescriptors = layerTars.Select(t => Blob(t, "application/vnd.oci.image.layer.v1.tar")).ToArray();
        var manifest = Blob(Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = config.DeepClone(),
            ["layers"] = new JsonArray(layerDescriptors.Select(d => d.DeepClone()).ToArray()),
        }), "application/vnd.oci.image.manifest.v1+json");
        manifest["annotations"] = new JsonObject
        {
            ["io.containerd.image.name"] = "docker.io/library/" + repoTag,
            ["org.opencontainers.image.ref.name"] = repoTag.Split(':')[1],
        };
        var index = Files.TryGetValue("index.json", out var existing) ? (JsonObject)JsonNode.Parse(existing)! : new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(),
        };
        ((JsonArray)index["manifests"]!).Add(manifest);
        Files["index.json"] = Json(index);
        Files["oci-layout"] = Json(new JsonObject { ["imageLayoutVersion"] = "1.0.0" });
        _manifest.Add(new JsonObject
        {
            ["Config"] = "blobs/sha256/" + ((string)config["digest"]!)["sha256:".Length..],
            ["RepoTags"] = new JsonArray(repoTag),
            ["Layers"] = new JsonArray(layerDescriptors.Select(d => (JsonNode)("blobs/sha256/" + ((string)d["digest"]!)["sha256:".Length..])).ToArray()),
        });
        Files["manifest.json"] = Json(_manifest);
        return this;
    }
}
