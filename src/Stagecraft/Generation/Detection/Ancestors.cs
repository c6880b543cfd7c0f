namespace Stagecraft.Generation.Detection;

/// <summary>Looks in the folders above an application for the root of the build it belongs to, never past a repository root.</summary>
internal static class Ancestors
{
    /// <summary>The nearest folder strictly above <paramref name="start"/> that <paramref name="isRoot"/> accepts, or null.</summary>
    public static string? Find(string start, Func<string, bool> isRoot)
    {
        if (IsRepositoryRoot(start))
            return null;
        for (var dir = Directory.GetParent(start); dir is not null; dir = dir.Parent)
        {
            if (isRoot(dir.FullName))
                return dir.FullName;
            if (IsRepositoryRoot(dir.FullName))
                return null;
        }
        return null;
    }

    /// <summary>A path relative to a root, with '/', and "." for the root itself.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool IsRepositoryRoot(string dir) => Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"));
}
