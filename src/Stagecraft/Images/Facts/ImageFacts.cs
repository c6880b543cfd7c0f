using Stagecraft.Images.Facts.Caches;
using Stagecraft.Images.Facts.Packages;
using Stagecraft.Images.Facts.Security;
using Stagecraft.Images.Facts.Tools;

namespace Stagecraft.Images.Facts;

/// <summary>
/// What is inside an image, read from its merged filesystem and its config without running it: OS packages, the
/// distribution and a guess of the base image, leftover caches, build tools, setuid/setgid files, likely secrets and
/// how the container runs. Problems in the files read (a corrupt database, a malformed line) become <see cref="Notes"/>.
/// </summary>
public sealed record ImageFacts
{
    public required PackageInventory Packages { get; init; }
    public OsRelease? OsRelease { get; init; }
    public BaseImageGuess? BaseImage { get; init; }
    public required IReadOnlyList<CacheUsage> Caches { get; init; }
    public required IReadOnlyList<BuildTool> BuildTools { get; init; }
    public required IReadOnlyList<SpecialPermissionFile> SetuidFiles { get; init; }
    public required IReadOnlyList<LikelySecret> Secrets { get; init; }
    public required ConfigFacts Config { get; init; }

    /// <summary>One line each, naming the file (and line) a problem is in: what could not be read and why.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    public long CacheBytes => Caches.Sum(c => c.Bytes);

    /// <summary>
    /// Whether the layer walk must keep the bytes of the file at <paramref name="path"/> (<paramref name="size"/> bytes)
    /// for <see cref="Collect"/>: package databases, release files, /etc/passwd and small files that may be secrets, each under a size cap.
    /// </summary>
    public static bool ContentWanted(string path, long size) => CapturedContent.Wanted(path, size);

    /// <summary>Reads the facts in one pass over <paramref name="files"/> plus lookups of the few files they need.</summary>
    public static ImageFacts Collect(IImageFiles files, ImageConfig config)
    {
        var notes = new List<string>();
        var paths = new ImagePaths(files);
        var users = ImageUsers.Read(paths);
        var packages = new OsPackages();
        var clues = new BaseImageClues();
        var caches = new CacheSurvey(CacheLocations.For(config), users.OtherHomes());
        var tools = new ToolSurvey(config, paths);
        var setuid = new SpecialPermissionSurvey();
        var secrets = new SecretSurvey();
        IEntryObserver[] observers = [packages, clues, caches, tools, setuid, secrets];
        foreach (var entry in files.Entries)
        {
            foreach (var observer in observers)
                observer.Observe(entry);
        }

        var inventory = packages.Read(paths, files, notes);
        var owners = packages.FindOwners(tools.PathsToOwn(paths).Concat(setuid.PathsToOwn(paths)), paths, files);
        var os = OsRelease.Read(paths, notes);
        return new ImageFacts
        {
            Packages = inventory,
            OsRelease = os,
            BaseImage = clues.Guess(os, inventory, paths, config),
            Caches = caches.Results(),
            BuildTools = tools.Results(paths, owners),
            SetuidFiles = setuid.Results(paths, owners),
            Secrets = secrets.Results(files, config),
            Config = ConfigFacts.From(config, users),
            Notes = notes,
        };
    }
}
