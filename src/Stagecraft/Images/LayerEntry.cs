namespace Stagecraft.Images;

/// <summary>
/// One entry of a layer's tar stream, as the analysis needs it. <see cref="Path"/> is normalised: it starts with '/',
/// has no '.' or '..' segments and no trailing '/'; for whiteouts it is the path deleted (the marker prefix removed).
/// </summary>
/// <param name="Size">Bytes of a regular file (0 for everything else, hard links included).</param>
/// <param name="Mode">Permission and special bits (setuid 0o4000, setgid 0o2000, sticky 0o1000, rwx).</param>
/// <param name="LinkTarget">The target of a symlink or hard link as written in the archive; null otherwise.</param>
/// <param name="Content">The file's bytes, only when the reader was asked to keep this path (package databases, os-release, key files).</param>
public sealed record LayerEntry(
    string Path,
    LayerEntryKind Kind,
    long Size,
    int Mode,
    int Uid,
    int Gid,
    string? LinkTarget,
    DateTimeOffset ModificationTime,
    ReadOnlyMemory<byte>? Content = null);
