namespace Stagecraft.Images.Facts.Tools;

/// <summary>
/// Finds build tools by reading the filesystem, the way <c>which</c> would inside the container but without running it:
/// every file or link named like a tool in a folder on the image's PATH or in any <c>bin</c>/<c>sbin</c> folder
/// (/usr/lib/jvm/*/bin/javac, /usr/local/go/bin/go, /opt/venv/bin/pip), followed through its links to the file that runs;
/// and every .NET SDK folder (…/dotnet/sdk/VERSION).
/// </summary>
internal sealed class ToolSurvey : IEntryObserver
{
    // Docker's PATH when the image sets none.
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private readonly HashSet<string> _pathFolders = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pathLookup;
    private readonly List<(string Tool, string Path)> _candidates = [];
    private readonly List<(string Path, string Version)> _sdks = [];

    public ToolSurvey(ImageConfig config, ImagePaths paths)
    {
        var path = config.Env.FirstOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?["PATH=".Length..] ?? DefaultPath;
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (folder[0] != '/')
                continue;
            _pathFolders.Add(folder.TrimEnd('/'));
            // /bin on a merged-/usr image is a link to usr/bin: the files are found under their real folder.
            if (paths.Resolve(folder) is { } real)
                _pathFolders.Add(real.RealPath);
        }
        _pathLookup = _pathFolders.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Observe(LayerEntry entry)
    {
        switch (entry.Kind)
        {
            case LayerEntryKind.File or LayerEntryKind.Symlink or LayerEntryKind.Hardlink:
                if (BuildToolCatalog.ToolOf(PathParts.Name(entry.Path)) is not { } tool)
                    return;
                var parent = PathParts.Parent(entry.Path);
                var folderName = parent[(parent.LastIndexOf('/') + 1)..];
                if (folderName is "bin" or "sbin" || _pathLookup.Contains(parent))
                    _candidates.Add((tool, entry.Path));
                break;
            case LayerEntryKind.Directory:
                // …/dotnet/sdk/8.0.100 (also ~/.dotnet/sdk/…): the SDK sits beside the runtime, which alone builds nothing.
                var name = PathParts.Name(entry.Path);
                var sdk = PathParts.Parent(entry.Path);
                if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || !sdk.EndsWith("/sdk"))
                    return;
                var home = sdk[..^"/sdk".Length];
                if (home.EndsWith("/dotnet") || home.EndsWith("/.dotnet"))
                    _sdks.Add((entry.Path, name.ToString()));
                break;
        }
    }

    /// <summary>The real paths whose owning package <see cref="Results"/> will ask for.</summary>
    public IEnumerable<string> PathsToOwn(ImagePaths paths)
    {
        foreach (var (_, path) in _candidates)
        {
            yield return paths.Canonical(path);
            if (paths.Resolve(path) is { } real)
                yield return real.RealPath;
        }
        foreach (var (path, _) in _sdks)
            yield return paths.Canonical(path);
    }

    public List<BuildTool> Results(ImagePaths paths, Packages.PackageOwners owners)
    {
        var byTool = new Dictionary<string, List<ToolLocation>>(StringComparer.Ordinal);
        // Plain names first, so another name reaching a file already reported (gcc-12 beside gcc → gcc-12, pip3.12 beside
        // pip → pip3.12, gmake beside make) is dropped as a repeat.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var ordered = _candidates
            .OrderBy(c => BuildToolCatalog.IsVersionedName(PathParts.Name(c.Path)) ? 1 : 0)
            .ThenBy(c => c.Path, StringComparer.Ordinal);
        foreach (var (tool, path) in ordered)
        {
            if (paths.Resolve(path) is not { } resolved || paths.Find(path) is not { Kind: LayerEntryKind.File })
                continue;
            var locations = byTool.TryGetValue(tool, out var list) ? list : byTool[tool] = [];
            if (BuildToolCatalog.IsVersionedName(PathParts.Name(path)) && reported.Contains(resolved.RealPath))
                continue;
            reported.Add(resolved.RealPath);
            var links = resolved.Links.Skip(1).ToList();
            var package = owners.OwnerOf(resolved.RealPath) ?? owners.OwnerOf(paths.Canonical(path));
            locations.Add(new ToolLocation(path, links, resolved.RealPath, package, _pathLookup.Contains(PathParts.Parent(path))));
        }
        foreach (var (path, version) in _sdks.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            var locations = byTool.TryGetValue(BuildToolCatalog.DotnetSdk, out var list) ? list : byTool[BuildToolCatalog.DotnetSdk] = [];
            locations.Add(new ToolLocation(path, [], path, owners.OwnerOf(paths.Canonical(path)), OnPath: false, version));
        }
        return byTool
            .Where(t => t.Value.Count > 0)
            .OrderBy(t => BuildToolCatalog.CategoryOf(t.Key))
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new BuildTool(t.Key, BuildToolCatalog.CategoryOf(t.Key), t.Value))
            .ToList();
    }
}
