using System.Text.Json.Nodes;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Tests.Images.Sources;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>Wraps one crafted layer in an OCI layout folder, so layer behaviour is tested through the public reader.</summary>
internal static class OneLayerImage
{
    public const string GzipType = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>Writes the layout and returns its folder; <paramref name="tar"/> supplies the config's diff id.</summary>
    public static string Save(TempDirectory temp, byte[] blob, byte[] tar, string mediaType = GzipType, JsonObject? annotations = null)
    {
        var builder = new OciLayoutBuilder();
        builder.Layout(builder.Image("linux/amd64", [(blob, mediaType, tar)], layerAnnotations: annotations));
        return builder.SaveTo(temp.Folder("layout-" + Guid.NewGuid().ToString("N")[..8]));
    }

    /// <summary>How messages name the layer: "FOLDER: layer 0 (blobs/sha256/HEX)".</summary>
    public static string Where(string folder, byte[] blob) => $"{folder}: layer 0 (blobs/sha256/{LayerTar.Sha256(blob)[7..]})";

    public static ImageLayer Read(TempDirectory temp, byte[] tar, ImageReadOptions? options = null) =>
        Open(temp, LayerTar.Gzip(tar), tar, options).Layers.Single();

    public static OpenedImage Open(TempDirectory temp, byte[] blob, byte[] tar, ImageReadOptions? options = null, string mediaType = GzipType, JsonObject? annotations = null) =>
        ImageReader.Open("oci:" + Save(temp, blob, tar, mediaType, annotations), options);
}
