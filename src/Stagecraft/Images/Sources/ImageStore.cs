using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// The files an image is kept in — a tar archive's members or a folder's files — addressed by relative
/// '/'-separated paths. Each <see cref="Open"/> returns a stream of its own, so layers can be read in parallel.
/// </summary>
internal abstract class ImageStore(string display)
{
    /// <summary>The archive or folder as the user named it.</summary>
    public string Display { get; } = display;

    public abstract bool Exists(string path);

    public abstract long Length(string path);

    public abstract Stream Open(string path);

    /// <summary>"app.tar: blobs/sha256/…", for messages.</summary>
    public string Where(string path) => Display + ": " + path;

    /// <summary>Opens a tar archive (indexing its members) or a folder.</summary>
    public static ImageStore Open(string path, bool directoryExpected)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            if (!directoryExpected)
                throw new ImageFormatException(path, "is a folder; use oci:" + path + " for an OCI layout folder");
            return new DirectoryImageStore(path, full);
        }
        if (File.Exists(full))
        {
            if (directoryExpected)
                throw new ImageFormatException(path, "is a file, not an OCI layout folder; use oci-archive:" + path + " for a tar file");
            return TarImageStore.Index(path, full);
        }
        throw new ImageFormatException(path, "no such file or folder");
    }

    /// <summary>
    /// A path written inside a manifest: relative, and staying inside the archive or folder. Returns the normalised
    /// form ("blobs/sha256/…") used to look members up.
    /// </summary>
    public string Inside(string written, string writtenIn)
    {
        if (written.Length == 0 || written.StartsWith('/') || LayerPath.Normalize(written) is not { Length: > 1 } normalized)
            throw new ImageFormatException(Where(writtenIn), $"names \"{written}\", which points outside the {(this is DirectoryImageStore ? "folder" : "archive")}");
        return normalized[1..];
    }
}

/// <summary>An OCI layout (or unpacked archive) in a folder; blob files are opened directly.</summary>
internal sealed class DirectoryImageStore(string display, string root) : ImageStore(display)
{
    public override bool Exists(string path) => File.Exists(Full(path));

    public override long Length(string path) => new FileInfo(Full(path)).Length;

    public override Stream Open(string path)
    {
        var full = Full(path);
        return FileRegionStream.Open(full, 0, new FileInfo(full).Length);
    }

    private string Full(string path)
    {
        var normalized = LayerPath.Normalize(path) ?? throw new ImageFormatException(Where(path), "points outside the folder");
        return System.IO.Path.Combine(root, normalized[1..]);
    }
}
