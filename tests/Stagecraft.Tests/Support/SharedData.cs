namespace Stagecraft.Tests.Support;

/// <summary>Locates the repository root and the read-only <c>../shared</c> folder that CI lays beside it.</summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder, or null when this clone has none beside it (a user's fresh clone).</summary>
    public static string? Root
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>Returns the full path of a shared file or folder, or skips the running test with a visible reason.</summary>
    public static string Require(string relativePath)
    {
        var root = Root;
        if (root is null)
            Assert.Skip($"../shared is not beside this clone ({RepositoryRoot}); shared test data is only present in CI and development checkouts.");
        var full = Path.Combine(root, relativePath);
        if (!File.Exists(full) && !Directory.Exists(full))
            Assert.Skip($"../shared/{relativePath} is missing from this checkout's shared folder.");
        return full;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stagecraft.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find Stagecraft.slnx above " + AppContext.BaseDirectory);
    }
}
