using Stagecraft.Images.Facts.Packages;
using Stagecraft.Images.Facts.Security;

namespace Stagecraft.Images.Facts;

/// <summary>
/// The files whose bytes the layer walk keeps for the facts, each with a size cap so a hostile or huge image cannot make
/// it hold much: package databases, os-release and a few release files, /etc/passwd, and the small files that may be
/// secrets. Everything else is known by its entry alone.
/// </summary>
internal static class CapturedContent
{
    private const int KiB = 1024, MiB = 1024 * 1024;

    /// <summary>The largest file any rule here keeps (an rpm SQLite database), so a reader's per-file limit can let it through.</summary>
    public const int LargestFile = 256 * MiB;

    private static readonly Dictionary<string, int> ExactPaths = new(StringComparer.Ordinal)
    {
        [DpkgDatabase.StatusPath] = 64 * MiB,
        [ApkDatabase.InstalledPath] = 64 * MiB,
        // Where merged-/usr apk systems (Wolfi) have /lib as a link to usr/lib.
        ["/usr" + ApkDatabase.InstalledPath] = 64 * MiB,
        // Large Fedora/RHEL images reach tens of MB; a SQLite file must be read whole.
        ["/var/lib/rpm/" + RpmDatabase.SqliteName] = LargestFile,
        ["/usr/lib/sysimage/rpm/" + RpmDatabase.SqliteName] = LargestFile,
        ["/etc/os-release"] = 64 * KiB,
        ["/usr/lib/os-release"] = 64 * KiB,
        ["/etc/debian_version"] = 4 * KiB,
        ["/etc/alpine-release"] = 4 * KiB,
        [ImageUsers.PasswdPath] = 4 * MiB,
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExactNames =
        ExactPaths.Keys.Select(p => p[(p.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Wanted(string path, long size)
    {
        if (size < 0)
            return false;
        // Hashing the short name first spares hashing the whole path of the many files named otherwise.
        if (ExactNames.Contains(PathParts.Name(path)) && ExactPaths.TryGetValue(path, out var cap))
            return size <= cap;
        var parent = PathParts.Parent(path);
        if (parent.SequenceEqual(DpkgDatabase.StatusFolder))
            return size <= MiB;
        // Every package's file list: the only way to say which package installed a tool or a setuid file.
        if (parent.SequenceEqual(DpkgDatabase.InfoFolder) && path.EndsWith(".list", StringComparison.Ordinal))
            return size <= 16 * MiB;
        if (path.EndsWith("/.git/config", StringComparison.Ordinal))
            return size <= 64 * KiB;
        var secretCap = SecretFileRules.ContentCap(path);
        return secretCap > 0 && size <= secretCap;
    }
}
