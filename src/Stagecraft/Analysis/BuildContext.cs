using Stagecraft.Analysis.Context;
using Stagecraft.Inputs;

namespace Stagecraft.Analysis;

/// <summary>
/// Where a Dockerfile is built from: the context directory (null for standard input or when unknown) and the
/// Dockerfile's own path. Rules read the context only through this.
/// </summary>
public sealed record BuildContext(string? Directory, string? DockerfilePath)
{
    public static BuildContext None { get; } = new(null, null);

    /// <summary>The context of a Dockerfile on disk: its folder, unless <paramref name="contextDirectory"/> says otherwise.</summary>
    public static BuildContext ForFile(string dockerfilePath, string? contextDirectory = null) =>
        new(contextDirectory ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(dockerfilePath)), dockerfilePath);

    public bool IsKnown => Directory is not null;

    /// <summary>How this context asks whether a file exists: a lint run shares one <see cref="FileProbe"/> over its files.</summary>
    public FileProbe Files { get; init; } = FileProbe.Direct;

    private DockerIgnoreFile? _dockerIgnore;
    private bool _dockerIgnoreLoaded;

    /// <summary>
    /// The .dockerignore that applies (<c>&lt;Dockerfile&gt;.dockerignore</c> first, then the context's), or null when there is
    /// none. A file BuildKit would refuse throws <see cref="DockerIgnoreException"/> naming the file and line.
    /// </summary>
    public DockerIgnoreFile? DockerIgnore
    {
        get
        {
            if (!_dockerIgnoreLoaded && Directory is not null)
            {
                _dockerIgnore = DockerIgnoreFile.LoadFor(Directory, DockerfilePath, Files);
                _dockerIgnoreLoaded = true;
            }
            return _dockerIgnore;
        }
    }

    /// <summary>True when a file or folder exists at a context-relative path.</summary>
    public bool Exists(string relativePath) =>
        Directory is not null && (File.Exists(System.IO.Path.Combine(Directory, relativePath)) || System.IO.Directory.Exists(System.IO.Path.Combine(Directory, relativePath)));

    /// <summary>
    /// Context-relative paths (with '/') of up to <paramref name="limit"/> files whose name matches
    /// <paramref name="searchPattern"/>, in any folder; none when the context is unknown or unreadable.
    /// </summary>
    public IReadOnlyList<string> FindFiles(string searchPattern, int limit)
    {
        if (Directory is null)
            return [];
        try
        {
            return [.. System.IO.Directory.EnumerateFiles(Directory, searchPattern, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Take(limit).Select(f => System.IO.Path.GetRelativePath(Directory, f).Replace('\\', '/'))];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Reads a small context file (a manifest, .dockerignore), or null when it is absent or unreadable.</summary>
    public string? ReadText(string relativePath)
    {
        if (Directory is null)
            return null;
        try
        {
            var path = System.IO.Path.Combine(Directory, relativePath);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
