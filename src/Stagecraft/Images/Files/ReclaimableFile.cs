namespace Stagecraft.Images.Files;

/// <summary>A copy of file data that was shipped and then never reached the final filesystem (see <see cref="FileIndex.ReclaimableBytes"/>).</summary>
/// <param name="Path">Where the data was shipped.</param>
/// <param name="ShippedInLayer">The layer that carries the bytes.</param>
/// <param name="ObsoletedInLayer">The layer that made them unreachable (the same layer for <see cref="ReclaimReason.DuplicateInLayer"/>).</param>
public sealed record ReclaimableFile(string Path, int ShippedInLayer, int ObsoletedInLayer, long Size, ReclaimReason Reason);

/// <summary>Reclaimable bytes summed per path: every dead copy shipped at it, from any layer.</summary>
public sealed record ReclaimablePath(string Path, long Size, int Copies);
