using System.Diagnostics.CodeAnalysis;

namespace Stagecraft.Images.Facts;

/// <summary>
/// The merged filesystem of an image, as the facts need it: every entry once (whiteouts already applied), a lookup by
/// path, and the bytes of the small files the layer walk was asked to keep (<see cref="ImageFacts.ContentWanted"/>).
/// </summary>
public interface IImageFiles
{
    /// <summary>Every entry of the merged filesystem, in any order; paths are '/'-rooted and normalised like <see cref="LayerEntry.Path"/>.</summary>
    IEnumerable<LayerEntry> Entries { get; }

    /// <summary>The entry at exactly <paramref name="path"/> (no symlink is followed).</summary>
    bool TryGetEntry(string path, [NotNullWhen(true)] out LayerEntry? entry);

    /// <summary>The bytes of the regular file at exactly <paramref name="path"/>, when the layer walk kept them.</summary>
    bool TryReadContent(string path, out ReadOnlyMemory<byte> content);
}
