namespace Stagecraft.Images.Files;

/// <summary>File data that died: shipped at <see cref="Origin"/> in <see cref="ShippedIn"/>, made unreachable in <see cref="ObsoletedIn"/>.</summary>
internal readonly record struct ReclaimRecord(int Origin, int ShippedIn, int ObsoletedIn, long Size, ReclaimReason Reason);
