using System.Diagnostics.CodeAnalysis;
using Stagecraft.Images.Facts;
using Stagecraft.Images.Files;

namespace Stagecraft.Images.Inspection;

/// <summary>The merged filesystem of a <see cref="FileIndex"/> as the facts read it: whiteouts applied, each path's last entry, the bytes the layer walk kept.</summary>
internal sealed class MergedImageFiles(FileIndex index) : IImageFiles
{
    public IEnumerable<LayerEntry> Entries => index.EnumerateEntries();

    public bool TryGetEntry(string path, [NotNullWhen(true)] out LayerEntry? entry)
    {
        entry = index.EntryAt(path);
        return entry is not null;
    }

    public bool TryReadContent(string path, out ReadOnlyMemory<byte> content)
    {
        if (index.EntryAt(path) is { Kind: LayerEntryKind.File, Content: { } kept })
        {
            content = kept;
            return true;
        }
        content = default;
        return false;
    }
}
