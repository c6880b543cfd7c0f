namespace Stagecraft.Images.Facts.Packages;

/// <summary>Reads a database file the layer walk kept, with a note when it is there but its bytes were not kept.</summary>
internal static class PackageFiles
{
    public static ReadOnlyMemory<byte>? Read(ImagePaths paths, IImageFiles files, string path, List<string> notes)
    {
        if (paths.Find(path) is not { Kind: LayerEntryKind.File } entry)
            return null;
        if (files.TryReadContent(entry.Path, out var content))
            return content;
        notes.Add($"{path}: present ({entry.Size} bytes) but its content was not kept by the layer walk; not read");
        return null;
    }
}
