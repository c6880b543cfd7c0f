using System.Text.Json.Nodes;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Images.Sources;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>
/// Crafts an OCI layout whose config carries a history and a run configuration, for the inspection tests. Layers are
/// stored uncompressed, so every digest depends on the test's bytes alone (not on the zlib build that compresses them).
/// </summary>
internal sealed class CraftedImage : ImageFiles
{
    public const string PlainTar = "application/vnd.oci.image.layer.v1.tar";
    public const string GzipTar = "application/vnd.oci.image.layer.v1.tar+gzip";

    private readonly List<byte[]> _layers = [];
    private readonly JsonArray _history = [];

    public JsonObject ContainerConfig { get; } = new()
    {
        ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        ["Cmd"] = new JsonArray("sh"),
    };

    public string Platform { get; init; } = "linux/amd64";

    public bool Gzip { get; init; }

    /// <summary>A history entry that made the given layer.</summary>
    public CraftedImage Layer(string createdBy, LayerTar tar)
    {
        _layers.Add(tar.Build());
        _history.Add(Entry(createdBy, emptyLayer: false));
        return this;
    }

    /// <summary>A layer with no history entry (for histories that do not add up).</summary>
    public CraftedImage LayerWithoutHistory(LayerTar tar)
    {
        _layers.Add(tar.Build());
        return this;
    }

    /// <summary>A history entry that made no layer (<c>empty_layer: true</c>).</summary>
    public CraftedImage Empty(string createdBy)
    {
        _history.Add(Entry(createdBy, emptyLayer: true));
        return this;
    }

    /// <summary>A history entry that claims a layer the image does not have.</summary>
    public CraftedImage StepWithoutLayer(string createdBy)
    {
        _history.Add(Entry(createdBy, emptyLayer: false));
        return this;
    }

    /// <summary>Writes the layout into a new folder of <paramref name="folder"/> and returns the <c>oci:</c> reference.</summary>
    public string Save(string folder)
    {
        var config = Blob(Config(Platform, _layers, (JsonObject)ContainerConfig.DeepClone(), (JsonArray)_history.DeepClone()), "application/vnd.oci.image.config.v1+json");
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = config,
            ["layers"] = new JsonArray(_layers.Select(l => (JsonNode)Blob(Gzip ? LayerTar.Gzip(l) : l, Gzip ? GzipTar : PlainTar)).ToArray()),
        };
        var descriptor = Blob(Json(manifest), "application/vnd.oci.image.manifest.v1+json");
        Files["index.json"] = Json(new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(descriptor) });
        Files["oci-layout"] = Json(new JsonObject { ["imageLayoutVersion"] = "1.0.0" });
        return "oci:" + SaveTo(folder);
    }

    private JsonObject Entry(string createdBy, bool emptyLayer)
    {
        var entry = new JsonObject
        {
            ["created"] = $"2024-05-01T12:{_history.Count:00}:00Z",
            ["created_by"] = createdBy,
        };
        if (emptyLayer)
            entry["empty_layer"] = true;
        return entry;
    }
}
