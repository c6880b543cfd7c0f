using Microsoft.Win32.SafeHandles;

namespace Stagecraft.Images.Sources;

/// <summary>
/// A read-only, seekable window onto part of a file (a member of a tar archive, or a whole blob file), read with
/// positional reads through its own handle, so each layer's worker has its own cursor and read-ahead.
/// </summary>
internal sealed class FileRegionStream(SafeFileHandle handle, long start, long length) : Stream
{
    private const int BufferSize = 128 * 1024;
    private readonly byte[] _buffer = new byte[BufferSize];
    private long _position;
    private long _bufferStart;
    private int _bufferLength;

    public static FileRegionStream Open(string path, long start, long length) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan), start, length);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = length - _position;
        if (remaining <= 0 || buffer.IsEmpty)
            return 0;
        if (buffer.Length > remaining)
            buffer = buffer[..(int)remaining];
        if (_position < _bufferStart || _position >= _bufferStart + _bufferLength)
        {
            if (buffer.Length >= BufferSize)
            {
                var direct = RandomAccess.Read(handle, buffer, start + _position);
                return Advance(direct);
            }
            _bufferStart = _position;
            _bufferLength = RandomAccess.Read(handle, _buffer.AsSpan(0, (int)Math.Min(BufferSize, remaining)), start + _position);
            if (_bufferLength == 0)
                return Advance(0);
        }
        var available = (int)(_bufferStart + _bufferLength - _position);
        var count = Math.Min(available, buffer.Length);
        _buffer.AsSpan((int)(_position - _bufferStart), count).CopyTo(buffer);
        return Advance(count);
    }

    private int Advance(int read)
    {
        // The region was measured when the archive was indexed; a file that is now shorter is a truncated archive.
        if (read == 0)
            throw new EndOfStreamException($"the file ends {length - _position:N0} bytes before the end of this blob");
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        if (target < 0)
            throw new IOException("Cannot seek before the start of the region.");
        _position = target;
        return target;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            handle.Dispose();
        base.Dispose(disposing);
    }
}
