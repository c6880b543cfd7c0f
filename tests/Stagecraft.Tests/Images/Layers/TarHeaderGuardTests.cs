using System.Formats.Tar;
using System.Text;
using Stagecraft.Images.Layers;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>The header guard refuses oversized metadata entries before TarReader reads them, and stays in step with it.</summary>
public sealed class TarHeaderGuardTests
{
    [Theory]
    [InlineData('x', "PAX extended header")]
    [InlineData('g', "PAX global header")]
    [InlineData('L', "GNU long name")]
    [InlineData('K', "GNU long link name")]
    public void A_huge_metadata_entry_is_refused_after_reading_only_its_header(char type, string description)
    {
        // .NET 10's TarReader would rent an array of the claimed size and fill it from the stream.
        var source = new EndlessStream(LayerTar.Header("big", type, 1_500_000_000));
        var guard = new TarHeaderGuard(source, 1 << 20, "test.tar");

        var error = Assert.Throws<ImageLimitExceededException>(() => new TarReader(guard).GetNextEntry());

        Assert.Equal($"test.tar: the {description} at offset 0 claims 1.4 GiB, more than the 1 MiB allowed (raise MaxTarMetadataBytes to read it)", error.Message);
        Assert.True(source.Served <= 512 + 4096, $"read {source.Served} bytes");
    }

    [Fact]
    public void A_PAX_size_record_replaces_the_size_field_of_the_next_entry()
    {
        var data = Encoding.ASCII.GetBytes(new string('d', 3000));
        var pax = Encoding.ASCII.GetBytes(LayerTar.PaxRecord("size", "3000"));
        var tar = new LayerTar()
            .Raw(LayerTar.Header("PaxHeaders/big", 'x', pax.Length)).Raw(LayerTar.Padded(pax))
            .Raw(LayerTar.Header("big", '0', 0)).Raw(LayerTar.Padded(data))
            .File("after", "x")
            .Build();

        var entries = ReadAll(new MemoryStream(tar));

        Assert.Equal([("big", 3000L), ("after", 1L)], entries);
    }

    [Fact]
    public void Reads_of_any_size_keep_the_guard_in_step()
    {
        var tar = new LayerTar(TarEntryFormat.Gnu)
            .File(new string('n', 150) + "/long-name", "one")
            .Symlink("link", new string('t', 120))
            .File("plain", new string('x', 1000))
            .Build();
        var pax = new LayerTar().File("b", "two").Directory("d").Build();

        Assert.Equal(ReadAll(new MemoryStream(tar)), ReadAll(new TrickleStream(tar)));
        Assert.Equal([("b", 3L), ("d", 0L)], ReadAll(new TrickleStream(pax)));
    }

    [Fact]
    public void A_PAX_header_followed_by_another_metadata_header_is_refused()
    {
        var pax = Encoding.ASCII.GetBytes(LayerTar.PaxRecord("path", "x"));
        var tar = new LayerTar()
            .Raw(LayerTar.Header("p1", 'x', pax.Length)).Raw(LayerTar.Padded(pax))
            .Raw(LayerTar.Header("p2", 'L', 4)).Raw(LayerTar.Padded("name"u8.ToArray()))
            .Raw(LayerTar.Header("f", '0', 0))
            .Build();

        var error = Assert.Throws<LayerFormatException>(() => ReadAll(new MemoryStream(tar)));

        Assert.Equal("test.tar: the tar header at offset 1024 is a 'L' metadata header right after a 'x' one, a sequence tar readers disagree on", error.Message);
    }

    private static List<(string, long)> ReadAll(Stream stream)
    {
        var guard = new TarHeaderGuard(stream, 1 << 20, "test.tar");
        using var reader = new TarReader(guard);
        var entries = new List<(string, long)>();
        while (reader.GetNextEntry() is { } entry)
            entries.Add((entry.Name, entry.Length));
        return entries;
    }

    /// <summary>A header followed by an endless run of digits: what a hostile stream claiming a huge PAX header looks like.</summary>
    private sealed class EndlessStream(byte[] header) : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            for (var i = 0; i < buffer.Length; i++, Served++)
                buffer[i] = Served < header.Length ? header[Served] : (byte)'9';
            return buffer.Length;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Hands out at most 7 bytes per read, so headers arrive in pieces.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 7));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 7)]);
    }
}
