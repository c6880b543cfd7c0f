namespace Stagecraft.Images.Files;

/// <summary>Hard-link targets as the index looks them up: tar writes them relative to the archive root ("bin/busybox").</summary>
internal static class LinkPaths
{
    /// <summary>The target as a normalised '/'-rooted path; '..' never climbs above the root.</summary>
    public static string Normalise(string target)
    {
        if (target.Length > 1 && target[0] == '/' && IsClean(target))
            return target;
        if (target.Length > 0 && target[0] != '/')
        {
            var rooted = "/" + target;
            if (IsClean(rooted))
                return rooted;
        }
        var segments = new List<string>();
        foreach (var segment in target.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return "/" + string.Join('/', segments);
    }

    private static bool IsClean(string path)
    {
        if (path[^1] == '/')
            return false;
        var start = 1;
        while (start <= path.Length)
        {
            var end = path.IndexOf('/', start);
            if (end < 0)
                end = path.Length;
            var segment = path.AsSpan(start, end - start);
            if (segment.IsEmpty || segment is "." or "..")
                return false;
            start = end + 1;
        }
        return true;
    }
}
