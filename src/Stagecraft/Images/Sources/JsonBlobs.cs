using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>Reads the small JSON files of an image (index, manifests, config): size-capped, digest-checked, parsed by the source-generated context.</summary>
internal static class JsonBlobs
{
    /// <summary>Far above any real manifest or config (configs with long histories reach a few hundred KiB).</summary>
    public const int MaxBytes = 16 << 20;

    public static byte[] Read(ImageStore store, string path, BlobDigest? expected, long? expectedSize, string what)
    {
        if (!store.Exists(path))
            throw new ImageFormatException(store.Where(path), $"the {what} is missing");
        var length = store.Length(path);
        if (expectedSize is { } size && length != size)
            throw new DigestMismatchException(store.Where(path), $"is {length:N0} bytes but the {what}'s descriptor says {size:N0}");
        if (length > MaxBytes)
            throw new ImageLimitExceededException(store.Where(path), $"is {ByteCount.Format(length)}, too large for a {what} (at most {ByteCount.Format(MaxBytes)})");
        var bytes = new byte[length];
        using (var stream = store.Open(path))
            stream.ReadExactly(bytes);
        if (expected is not null && BlobDigest.Compute(expected.Algorithm, bytes) is var actual && actual != expected)
            throw new DigestMismatchException(store.Where(path), $"has digest {actual} but {expected} was expected");
        return bytes;
    }

    public static T Parse<T>(byte[] bytes, JsonTypeInfo<T> type, string where, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new ImageFormatException(where, $"is not a {what}: it holds JSON null");
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
            var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new ImageFormatException(where, $"is not a valid {what}: {message}{position}", e);
        }
    }

    /// <summary>A digest written in a manifest or config, checked before it is used to form a blob path.</summary>
    public static BlobDigest Digest(string? text, string where, string what)
    {
        if (BlobDigest.TryParse(text, out var digest))
            return digest;
        throw new ImageFormatException(where, text is not null && BlobDigest.HasUnknownAlgorithm(text)
            ? $"names {what} by a {text[..text.IndexOf(':')]} digest, which this reader cannot check"
            : $"names {what} by \"{text}\", which is not a valid digest");
    }

    /// <summary>Where an OCI layout keeps a blob.</summary>
    public static string BlobPath(BlobDigest digest) => "blobs/" + digest.Algorithm + "/" + digest.Hex;
}
