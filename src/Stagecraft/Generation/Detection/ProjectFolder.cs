namespace Stagecraft.Generation.Detection;

/// <summary>
/// Read-only access to an application's folder for the detectors: small files by relative path, and a bounded walk
/// over source files that skips dependency, build and tool folders.
/// </summary>
internal sealed class ProjectFolder(string fullPath)
{
    // Enough for any real manifest or entry point; a bigger file is data, not something detection should read.
    private const long MaxReadBytes = 1 << 20;
    private const int MaxSourceFiles = 400;

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        ".git", "node_modules", "vendor", "dist", "build", "out", ".next", "target", ".venv", "venv", "env", "__pycache__",
        ".tox", ".nox", ".mypy_cache", ".pytest_cache", "coverage", ".idea", ".vscode", "bower_components", "site-packages",
    };

    public string FullPath { get; } = fullPath;

    public bool Exists(string relative) => File.Exists(Resolve(relative));

    public bool FolderExists(string relative) => Directory.Exists(Resolve(relative));

    /// <summary>A file's text, or null when it is absent, too big or unreadable.</summary>
    public string? Read(string relative)
    {
        var path = Resolve(relative);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxReadBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first of the names that exists, or null.</summary>
    public string? FirstExisting(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Exists(name))
                return name;
        }
        return null;
    }

    /// <summary>
    /// Source files with one of the extensions, relative with '/', in a stable order (shallow first, then by name), at
    /// most a few hundred: detection looks for an entry point or a port, not at every file of a large repository.
    /// </summary>
    public IReadOnlyList<string> SourceFiles(params string[] extensions)
    {
        var found = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(FullPath);
        while (queue.Count > 0 && found.Count < MaxSourceFiles)
        {
            var folder = queue.Dequeue();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(folder);
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (extensions.Any(e => file.EndsWith(e, StringComparison.Ordinal)) && found.Count < MaxSourceFiles)
                    found.Add(Path.GetRelativePath(FullPath, file).Replace('\\', '/'));
            }
            foreach (var sub in folders)
            {
                var name = Path.GetFileName(sub);
                if (!SkippedFolders.Contains(name) && !name.StartsWith('.') && new DirectoryInfo(sub).LinkTarget is null)
                    queue.Enqueue(sub);
            }
        }
        return found;
    }

    private string Resolve(string relative) => Path.Combine(FullPath, relative);
}
