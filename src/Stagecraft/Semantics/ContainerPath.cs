namespace Stagecraft.Semantics;

/// <summary>Paths inside the image, which are always Unix paths whatever the host is.</summary>
public static class ContainerPath
{
    /// <summary>Joins <paramref name="path"/> to <paramref name="directory"/> unless it is absolute, and normalises <c>.</c>, <c>..</c>, duplicate and trailing slashes.</summary>
    public static string Resolve(string directory, string path)
    {
        var joined = path.StartsWith('/') ? path : directory + "/" + path;
        if (IsNormal(joined))
            return joined;
        var parts = new List<string>();
        foreach (var part in joined.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else
                parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    // Most paths in Dockerfiles are already absolute and clean; they need no splitting.
    private static bool IsNormal(string path) =>
        path.Length > 0 && path[0] == '/' && (path.Length == 1 || (path[^1] != '/' && !path.Contains("//", StringComparison.Ordinal)
            && !path.Contains("/./", StringComparison.Ordinal) && !path.Contains("/../", StringComparison.Ordinal)
            && !path.EndsWith("/.", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal)));
}
