#:project ../../src/Stagecraft/Stagecraft.csproj
#:property PublishAot=true
#:property InvariantGlobalization=true

// Generates synthetic OCI layouts with gzip layers and times ImageReader.Open on them (see README.md).
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Stagecraft.Images.Sources;

return args switch
{
    ["generate", var folder, .. var rest] => Generate(folder, Option(rest, "--layers", 1), Option(rest, "--mb", 500), Option(rest, "--files", 25_000)),
    ["open", var folder, .. var rest] => Open(folder, Option(rest, "--parallel", Environment.ProcessorCount)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ImageBench generate FOLDER [--layers N] [--mb UNCOMPRESSED_MB_PER_LAYER] [--files FILES_PER_LAYER]");
    Console.Error.WriteLine("       ImageBench open FOLDER [--parallel N]");
    return 2;
}

static int Option(string[] rest, string name, int fallback)
{
    var at = Array.IndexOf(rest, name);
    return at >= 0 && at + 1 < rest.Length ? int.Parse(rest[at + 1]) : fallback;
}

static int Open(string folder, int parallel)
{
    var clock = Stopwatch.StartNew();
    var image = ImageReader.Open("oci:" + folder, new ImageReadOptions { MaxParallelism = parallel });
    clock.Stop();
    var entries = image.Layers.Sum(l => l.Entries.Count);
    Console.WriteLine($"open: {clock.Elapsed.TotalSeconds:0.00} s, {image.Layers.Count} layers, {entries:N0} entries, " +
        $"{image.CompressedSize / 1e6:0} MB stored, {image.UncompressedSize / 1e6:0} MB uncompressed, " +
        $"{image.UncompressedSize / 1e6 / clock.Elapsed.TotalSeconds:0} MB/s uncompressed, parallel {parallel}");
    Console.WriteLine($"managed heap after open: {GC.GetTotalMemory(forceFullCollection: true) / 1e6:0} MB (the entry lists)");
    GC.KeepAlive(image);
    return 0;
}

static int Generate(string folder, int layers, int megabytes, int files)
{
    Directory.CreateDirectory(Path.Combine(folder, "blobs", "sha256"));
    var words = MakeWords(new Random(1));
    var layerDescriptors = new List<string>();
    var diffIds = new List<string>();
    for (var layer = 0; layer < layers; layer++)
    {
        var (digest, size, diffId) = WriteLayer(folder, layer, (long)megabytes << 20, files, words);
        layerDescriptors.Add($"{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"{digest}\",\"size\":{size}}}");
        diffIds.Add($"\"{diffId}\"");
        Console.WriteLine($"layer {layer}: {size / 1e6:0} MB gzip, {digest}");
    }
    var config = Blob(folder, $"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[{string.Join(',', diffIds)}]}}}}");
    var manifest = Blob(folder, $"{{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"{config.Digest}\",\"size\":{config.Size}}},\"layers\":[{string.Join(',', layerDescriptors)}]}}");
    File.WriteAllText(Path.Combine(folder, "index.json"),
        $"{{\"schemaVersion\":2,\"manifests\":[{{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"{manifest.Digest}\",\"size\":{manifest.Size}}}]}}");
    File.WriteAllText(Path.Combine(folder, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    return 0;
}

// Files of random words from a small vocabulary: gzip shrinks them to roughly half, like typical image content.
static byte[][] MakeWords(Random random)
{
    var words = new byte[1024][];
    for (var i = 0; i < words.Length; i++)
    {
        words[i] = new byte[random.Next(3, 12)];
        random.NextBytes(words[i]);
    }
    return words;
}

static (string Digest, long Size, string DiffId) WriteLayer(string folder, int layer, long bytes, int files, byte[][] words)
{
    var random = new Random(100 + layer);
    var temp = Path.Combine(folder, $"layer-{layer}.tmp");
    using var diffHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    using (var file = File.Create(temp))
    using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
    using (var hashing = new HashingWriter(gzip, diffHash))
    using (var writer = new TarWriter(hashing, TarEntryFormat.Pax))
    {
        var perFile = bytes / files;
        var content = new MemoryStream();
        for (var i = 0; i < files; i++)
        {
            if (i % 100 == 0)
                writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"layer{layer}/dir{i / 100}/"));
            content.SetLength(0);
            var target = random.NextInt64(perFile / 2, perFile * 3 / 2);
            while (content.Length < target)
                content.Write(words[random.Next(words.Length)]);
            content.Position = 0;
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"layer{layer}/dir{i / 100}/file{i}.bin") { DataStream = content });
        }
    }
    var digest = Sha256File(temp);
    var blobPath = Path.Combine(folder, "blobs", "sha256", digest[7..]);
    File.Move(temp, blobPath, overwrite: true);
    return (digest, new FileInfo(blobPath).Length, "sha256:" + Convert.ToHexStringLower(diffHash.GetHashAndReset()));
}

static (string Digest, long Size) Blob(string folder, string json)
{
    var bytes = Encoding.UTF8.GetBytes(json);
    var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    File.WriteAllBytes(Path.Combine(folder, "blobs", "sha256", digest[7..]), bytes);
    return (digest, bytes.Length);
}

static string Sha256File(string path)
{
    using var stream = File.OpenRead(path);
    return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
}

/// <summary>Hashes what the tar writer produces (the diff id) on its way into gzip.</summary>
sealed class HashingWriter(Stream inner, IncrementalHash hash) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.AppendData(buffer);
        inner.Write(buffer);
    }
}
