using Stagecraft.Inputs;

namespace Stagecraft.Analysis.Context;

/// <summary>A <c>.dockerignore</c> file read the way BuildKit reads it: ordered patterns, each with its line.</summary>
public sealed class DockerIgnoreFile
{
    /// <summary>The ignore file BuildKit reads at the root of the build context.</summary>
    public const string FileName = ".dockerignore";

    /// <summary>What BuildKit appends to the Dockerfile's name for a Dockerfile-specific ignore file.</summary>
    public const string DockerfileSuffix = ".dockerignore";

    private DockerIgnoreFile(string? path, IReadOnlyList<DockerIgnoreEntry> entries)
    {
        Path = path;
        Entries = entries;
        Patterns = [.. entries.Select(e => e.Pattern)];
    }

    /// <summary>Where the file was read from, or null for text that came from elsewhere.</summary>
    public string? Path { get; }

    /// <summary>The pattern lines in file order (comments and blank lines left out).</summary>
    public IReadOnlyList<DockerIgnoreEntry> Entries { get; }

    /// <summary>Just the patterns, as moby's <c>ignorefile.ReadAll</c> returns them.</summary>
    public IReadOnlyList<string> Patterns { get; }

    /// <summary>Reads UTF-8 file content; throws <see cref="DockerIgnoreException"/> for a line BuildKit cannot read.</summary>
    public static DockerIgnoreFile Parse(ReadOnlySpan<byte> content, string? path = null) =>
        new(path, DockerIgnoreReader.Read(content, path));

    /// <summary>Reads file text (a leading U+FEFF is dropped like a UTF-8 byte order mark).</summary>
    public static DockerIgnoreFile Parse(string text, string? path = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(text), path);

    /// <summary>Reads the ignore file at <paramref name="path"/>.</summary>
    public static DockerIgnoreFile Load(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot read: " + e.Message;
            throw new DockerIgnoreException(DockerIgnoreErrorKind.Unreadable, reason, path, line: null, pattern: null, e);
        }
        return Parse(content, path);
    }

    /// <summary>
    /// The ignore file BuildKit applies to a build, or null when there is none. A Dockerfile-specific file
    /// (<c>Dockerfile.prod.dockerignore</c> beside <c>Dockerfile.prod</c>) wins over the context's root
    /// <c>.dockerignore</c>, even when it is empty.
    /// </summary>
    /// <param name="contextDirectory">The build context directory.</param>
    /// <param name="dockerfilePath">The Dockerfile as passed with <c>-f</c>; null or "-" when there is no such file.</param>
    /// <param name="files">How to ask whether a file exists (a run's <see cref="FileProbe"/>); by default, directly.</param>
    public static string? Find(string contextDirectory, string? dockerfilePath = null, FileProbe? files = null)
    {
        files ??= FileProbe.Direct;
        if (dockerfilePath is not null and not "-")
        {
            var specific = dockerfilePath + DockerfileSuffix;
            if (files.FileExists(specific))
                return specific;
        }
        var root = System.IO.Path.Combine(contextDirectory, FileName);
        return files.FileExists(root) ? root : null;
    }

    /// <summary>Finds (see <see cref="Find"/>) and reads the ignore file for a build; null when there is none.</summary>
    public static DockerIgnoreFile? LoadFor(string contextDirectory, string? dockerfilePath = null, FileProbe? files = null) =>
        Find(contextDirectory, dockerfilePath, files) is { } path ? Load(path) : null;

    /// <summary>A matcher for these patterns; errors name this file and the line.</summary>
    public DockerIgnoreMatcher CreateMatcher() => DockerIgnoreMatcher.Create(this);
}
