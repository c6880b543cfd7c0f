namespace Stagecraft.Reporting.Findings;

/// <summary>Paths as repository-aware formats write them: relative to a base folder when inside it, forward slashes, no leading <c>./</c>.</summary>
internal static class ReportPaths
{
    /// <summary>The path as standard input is reported under.</summary>
    public const string StandardInput = "-";

    public static string Relative(string path, string? baseDirectory)
    {
        if (path == StandardInput)
            return path;
        if (baseDirectory is not null && Path.IsPathFullyQualified(path))
        {
            var relative = Path.GetRelativePath(baseDirectory, path);
            if (!Path.IsPathFullyQualified(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                path = relative;
        }
        if (Path.DirectorySeparatorChar != '/')
            path = path.Replace(Path.DirectorySeparatorChar, '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
            path = path[2..];
        return path;
    }
}
