namespace Stagecraft.Images.Facts;

/// <summary>A regular file with the setuid or setgid bit: it runs with its owner's or group's rights, whoever starts it.</summary>
/// <param name="Mode">Permission and special bits, as in <see cref="LayerEntry.Mode"/> (0o4755 for a setuid root binary).</param>
/// <param name="Package">The OS package that installed it, when a package database lists it.</param>
public sealed record SpecialPermissionFile(string Path, int Mode, int Uid, int Gid, string? Package)
{
    // Octal 04000 and 02000, as chmod writes them.
    internal const int SetUidBit = 0x800, SetGidBit = 0x400;

    public bool SetUid => (Mode & SetUidBit) != 0;

    public bool SetGid => (Mode & SetGidBit) != 0;
}

/// <summary>Collects the setuid and setgid regular files (folders with setgid only pass their group on, so they are left out).</summary>
internal sealed class SpecialPermissionSurvey : IEntryObserver
{
    private readonly List<LayerEntry> _files = [];

    public void Observe(LayerEntry entry)
    {
        if (entry.Kind == LayerEntryKind.File && (entry.Mode & (SpecialPermissionFile.SetUidBit | SpecialPermissionFile.SetGidBit)) != 0)
            _files.Add(entry);
    }

    public IEnumerable<string> PathsToOwn(ImagePaths paths) => _files.Select(f => paths.Canonical(f.Path));

    public List<SpecialPermissionFile> Results(ImagePaths paths, Packages.PackageOwners owners) => _files
        .OrderBy(f => f.Path, StringComparer.Ordinal)
        .Select(f => new SpecialPermissionFile(f.Path, f.Mode, f.Uid, f.Gid, owners.OwnerOf(paths.Canonical(f.Path))))
        .ToList();
}
