namespace Stagecraft.Images.Layers;

/// <summary>
/// Sums what the layer workers read and passes it on to the caller's <see cref="IProgress{T}"/>. Each layer counts its
/// own bytes and hands them over about once per mebibyte, so the shared counters and the callback stay off the hot path.
/// </summary>
internal sealed class ReadProgress(IProgress<ImageReadProgress> sink, int layerCount, long? storedBytesTotal)
{
    private const int Step = 1 << 20;

    private long _storedBytesRead;
    private int _layersDone;

    public void Start() => Report();

    public LayerProgress ForLayer() => new(this);

    /// <summary>Every layer is read, however many were counted one by one.</summary>
    public void Finish()
    {
        Volatile.Write(ref _layersDone, layerCount);
        Report();
    }

    private void Add(long bytes, bool layerDone)
    {
        if (bytes > 0)
            Interlocked.Add(ref _storedBytesRead, bytes);
        if (layerDone)
            Interlocked.Increment(ref _layersDone);
        Report();
    }

    // A streamed export can hold large members that are not layers; they are read as layers too, so cap the count.
    private void Report() =>
        sink.Report(new ImageReadProgress(Math.Min(Volatile.Read(ref _layersDone), layerCount), layerCount, Interlocked.Read(ref _storedBytesRead), storedBytesTotal));

    /// <summary>One layer's share, used by the one worker reading that layer.</summary>
    internal sealed class LayerProgress(ReadProgress owner)
    {
        private long _pending;

        public void Add(int bytes)
        {
            _pending += bytes;
            if (_pending >= Step)
            {
                owner.Add(_pending, layerDone: false);
                _pending = 0;
            }
        }

        public void Done()
        {
            owner.Add(_pending, layerDone: true);
            _pending = 0;
        }
    }
}
