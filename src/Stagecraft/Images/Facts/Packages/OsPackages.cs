namespace Stagecraft.Images.Facts.Packages;

/// <summary>Reads every OS package database the image has (dpkg, apk, rpm) and answers which package owns a path.</summary>
internal sealed class OsPackages : IEntryObserver
{
    private readonly DpkgDatabase _dpkg = new();
    private readonly RpmDatabase _rpm = new();

    public void Observe(LayerEntry entry) => _dpkg.Observe(entry);

    public PackageInventory Read(ImagePaths paths, IImageFiles files, List<string> notes)
    {
        var databases = new List<PackageDatabase>();
        if (_dpkg.Read(paths, files, notes) is { } dpkg)
            databases.Add(dpkg);
        if (ApkDatabase.Read(paths, files, notes) is { } apk)
            databases.Add(apk);
        if (_rpm.Read(paths, files, notes) is { } rpm)
            databases.Add(rpm);
        return new PackageInventory(databases);
    }

    /// <summary>Owners of the given real paths, from every database's file lists (call after <see cref="Read"/>).</summary>
    public PackageOwners FindOwners(IEnumerable<string> realPaths, ImagePaths paths, IImageFiles files)
    {
        var owners = new PackageOwners(realPaths, paths, files);
        if (owners.IsEmpty)
            return owners;
        _dpkg.FindOwners(paths, files, owners);
        ApkDatabase.FindOwners(paths, files, owners);
        _rpm.FindOwners(owners);
        return owners;
    }
}
