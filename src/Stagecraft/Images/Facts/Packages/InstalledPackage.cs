namespace Stagecraft.Images.Facts;

/// <summary>The OS package managers whose databases an image can hold.</summary>
public enum OsPackageManager
{
    Dpkg,
    Apk,
    Rpm,
}

/// <summary>One installed OS package. <see cref="InstalledSize"/> is in bytes (dpkg records KiB, so its sizes are multiples of 1024).</summary>
/// <param name="Version">As the manager prints it: dpkg's and apk's version field; rpm's [epoch:]version-release.</param>
public sealed record InstalledPackage(string Name, string Version, string? Architecture, long? InstalledSize);

/// <summary>The packages one database lists (dpkg's status file and status.d folder count as one database).</summary>
public sealed record PackageDatabase(OsPackageManager Manager, string Path, IReadOnlyList<InstalledPackage> Packages)
{
    public int Count => Packages.Count;

    public long TotalInstalledSize => Packages.Sum(p => p.InstalledSize ?? 0);
}

/// <summary>Every package database found in the image.</summary>
public sealed record PackageInventory(IReadOnlyList<PackageDatabase> Databases)
{
    public static PackageInventory Empty { get; } = new([]);

    public int Count => Databases.Sum(d => d.Count);

    public long TotalInstalledSize => Databases.Sum(d => d.TotalInstalledSize);

    /// <summary>The database of one manager, or null when the image has none.</summary>
    public PackageDatabase? Of(OsPackageManager manager) => Databases.FirstOrDefault(d => d.Manager == manager);
}
