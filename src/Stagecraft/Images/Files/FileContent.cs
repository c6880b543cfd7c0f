namespace Stagecraft.Images.Files;

/// <summary>
/// The data of one regular-file entry, shared by every hard link made to it. It dies (and its bytes become
/// reclaimable) when no path of the merged filesystem refers to it any more.
/// </summary>
internal struct FileContent
{
    public long Size;
    public int Layer;

    /// <summary>The path the data was shipped at.</summary>
    public int Origin;

    public int References;

    /// <summary>After the build: the one present path that counts the bytes in directory sizes (-1 when dead).</summary>
    public int Representative;
}
