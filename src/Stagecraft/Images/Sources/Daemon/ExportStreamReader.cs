using System.Formats.Tar;
using System.Runtime.ExceptionServices;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources.Daemon;

/// <summary>
/// Reads the engine's export (the <c>docker save</c> tar) in one pass without writing anything: each large member is
/// read as a layer while it streams by (hashed for its diff id, walked for its entries), small ones are kept. Which
/// members are layers, and in which order, is only known from manifest.json at the end; the caller sorts that out.
/// </summary>
internal static class ExportStreamReader
{
    private const int MaxMembers = 1_000_000;

    /// <summary>Members this small are kept whatever they hold (VERSION files, tiny layers, which are walked later from memory).</summary>
    private const int AlwaysKeptBytes = 64 * 1024;

    /// <summary>All kept members together; real exports keep a few KiB of JSON per layer.</summary>
    public const long DefaultMaxKeptBytes = 256L << 20;

    public static StreamedArchiveStore Read(
        Stream export, string display, LayerWalkSettings settings, ImageBudget budget, ReadProgress? progress = null, long maxKeptBytes = DefaultMaxKeptBytes)
    {
        var received = new ExportProgressStream(export);
        var guard = new TarHeaderGuard(received, settings.MaxTarMetadataBytes, display);
        var members = new ArchiveMembers<StreamedMember>();
        long kept = 0;
        string? current = null;
        try
        {
            using var reader = new TarReader(guard, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                budget.Cancellation.ThrowIfCancellationRequested();
                if (members.Count >= MaxMembers)
                    throw new ImageLimitExceededException(display, $"the engine's export has more than {MaxMembers:N0} members, far more than any image");
                var name = LayerPath.Normalize(entry.Name)
                    ?? throw new ImageFormatException(display, $"the engine's export has a member \"{entry.Name}\" (offset {guard.LastHeaderOffset}) that points outside the archive");
                current = name[1..];
                switch (entry.EntryType)
                {
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        var member = ReadMember(entry, display + ": " + current, settings, budget, progress);
                        kept += member.Bytes?.Length ?? 0;
                        if (kept > maxKeptBytes)
                            throw new ImageLimitExceededException(display, $"the engine's export has more than {ByteCount.Format(maxKeptBytes)} of small files besides its layers (at member {current})");
                        members.Add(name, member);
                        break;
                    case TarEntryType.SymbolicLink:
                        members.AddLink(name, entry.LinkName, isSymlink: true);
                        break;
                    case TarEntryType.HardLink:
                        members.AddLink(name, entry.LinkName, isSymlink: false);
                        break;
                }
            }
        }
        catch (Exception e) when (received.Ended && !guard.ReachedEnd && e is not OperationCanceledException)
        {
            throw Truncated(display, received, current, e);
        }
        catch (IOException e)
        {
            // The connection closing mid-body (the engine stopped, or its HTTP body ended early) shows up here.
            throw Truncated(display, received, current, e);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            throw new ImageFormatException(display, $"the engine's export is not a readable tar archive ({e.Message}; header at offset {guard.LastHeaderOffset})", e);
        }
        if (!guard.ReachedEnd)
            throw Truncated(display, received, current, null);
        return new StreamedArchiveStore(display, members);
    }

    private static StreamedMember ReadMember(TarEntry entry, string where, LayerWalkSettings settings, ImageBudget budget, ReadProgress? progress)
    {
        var length = entry.Length;
        var data = SniffedStream.Sniff(new ExportMemberStream(entry.DataStream ?? Stream.Null, length), 1);
        var looksLikeJson = data.Head is [(byte)'{' or (byte)'['];
        if (length <= AlwaysKeptBytes || (looksLikeJson && length <= JsonBlobs.MaxBytes))
        {
            var bytes = new byte[length];
            data.ReadExactly(bytes);
            return new StreamedMember(length) { Bytes = bytes };
        }
        try
        {
            var blob = new LayerBlob(0, where, () => data, length, null, null, null, null, null);
            var layerProgress = progress?.ForLayer();
            var layer = LayerReader.Read(blob, settings, budget, layerProgress);
            layerProgress?.Done();
            return new StreamedMember(length) { Layer = layer };
        }
        catch (ImageReadException e) when (e is not ImageLimitExceededException)
        {
            // Not every large member need be a layer; the failure is raised if manifest.json lists this one as a layer.
            return new StreamedMember(length) { Failure = ExceptionDispatchInfo.Capture(e) };
        }
    }

    private static DockerEngineException Truncated(string display, ExportProgressStream received, string? current, Exception? inner) =>
        new(display, $"the engine's export ended after {received.BytesRead:N0} bytes{Inside(current)}, before the end of the archive: it is truncated"
            + (inner is IOException and not EndOfStreamException ? $" ({inner.Message})" : ""), inner);

    private static string Inside(string? member) => member is null ? "" : $", in or after member {member}";
}
