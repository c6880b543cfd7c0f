using System.Runtime.ExceptionServices;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>
/// A <c>docker save</c> archive that went by as a stream: small members (manifest.json, configs, indexes) are kept,
/// larger ones were read as layers as they arrived. The docker-archive reader resolves the image against it as it
/// would against a file; <see cref="LayerAt"/> then hands over the layer a manifest entry names.
/// </summary>
internal sealed class StreamedArchiveStore(string display, ArchiveMembers<StreamedMember> members) : ImageStore(display)
{
    public override bool Exists(string path) => members.Find(path, Where) is not null;

    public override long Length(string path) => Require(path).Member.Length;

    public override Stream Open(string path)
    {
        var (name, member) = Require(path);
        return member.Bytes is { } bytes
            ? new MemoryStream(bytes, writable: false)
            : throw new ImageFormatException(Where(name[1..]), $"is {ByteCount.Format(member.Length)} and was read as a layer while it streamed by; it is not kept to be read as anything else");
    }

    /// <summary>
    /// The layer <paramref name="blob"/> describes, read from member <paramref name="path"/>: checked against the
    /// manifest's and config's digests now that they are known, and given its place in the image.
    /// </summary>
    public (ImageLayer Layer, IReadOnlyList<PendingHardlink> PendingHardlinks) LayerAt(string path, LayerBlob blob, LayerWalkSettings settings, ImageBudget budget)
    {
        var (_, member) = Require(path);
        if (member.Failure is { } failure)
            failure.Throw();
        if (member.Layer is not { } read)
            return LayerReader.Read(blob, settings, budget);
        LayerReader.Verify(blob, read.Layer.Digest, read.Layer.CompressedSize, read.Layer.DiffId);
        return (read.Layer with { Index = blob.Index, MediaType = blob.MediaType ?? read.Layer.MediaType }, read.PendingHardlinks);
    }

    private (string Name, StreamedMember Member) Require(string path) =>
        members.Find(path, Where) ?? throw new ImageFormatException(Where(path), "is not in the engine's export");
}

/// <summary>One member of a streamed archive: kept bytes, the layer read from it, or why reading it as a layer failed.</summary>
internal sealed record StreamedMember(long Length)
{
    public byte[]? Bytes { get; init; }

    public (ImageLayer Layer, IReadOnlyList<PendingHardlink> PendingHardlinks)? Layer { get; init; }

    /// <summary>Reading it as a layer failed; that matters only if the manifest lists it as one.</summary>
    public ExceptionDispatchInfo? Failure { get; init; }
}
