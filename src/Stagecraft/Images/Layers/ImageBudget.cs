namespace Stagecraft.Images.Layers;

/// <summary>The limits one image shares across the layers read in parallel: expanded bytes, entries and kept file bytes.</summary>
internal sealed class ImageBudget(long maxExpandedBytes, int maxEntries, long maxContentBytes, CancellationToken cancellation)
{
    private long _expandedBytes;
    private long _entries;
    private long _contentBytes;

    public CancellationToken Cancellation { get; } = cancellation;

    public long ExpandedBytes => Interlocked.Read(ref _expandedBytes);

    /// <summary>Counts expanded bytes; false once the image as a whole has gone past its limit.</summary>
    public bool TryAddExpanded(long bytes) => Interlocked.Add(ref _expandedBytes, bytes) <= maxExpandedBytes;

    public long MaxExpandedBytes => maxExpandedBytes;

    public int MaxEntries => maxEntries;

    /// <summary>Counts one entry; false once the image has more entries than allowed.</summary>
    public bool TryAddEntry() => Interlocked.Increment(ref _entries) <= maxEntries;

    /// <summary>Reserves room for a kept file's bytes; false (and nothing reserved) when the image's content budget is spent.</summary>
    public bool TryReserveContent(long bytes)
    {
        if (Interlocked.Add(ref _contentBytes, bytes) <= maxContentBytes)
            return true;
        Interlocked.Add(ref _contentBytes, -bytes);
        return false;
    }
}
