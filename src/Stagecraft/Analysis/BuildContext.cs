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

    /// <summary>True when a file or folder exists at a context-relative path.</summary>
    public bool Exists(string relativePath) =>
        Directory is not null && (File.Exists(System.IO.Path.Combine(Directory, relativePath)) || System.IO.Directory.Exists(System.IO.Path.Combine(Directory, relativePath)));

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
