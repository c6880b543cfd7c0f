namespace Stagecraft.Images.Layers;

/// <summary>Turns tar member names into the '/'-rooted, normalised paths <see cref="LayerEntry.Path"/> promises.</summary>
internal static class LayerPath
{
    /// <summary>Linux's PATH_MAX: no real layer holds a longer path, and the cap bounds what one entry can cost.</summary>
    public const int MaxLength = 4096;

    /// <summary>
    /// Resolves "." and ".." segments, repeated and leading '/', and a trailing '/'. Leading '/' is read as the image
    /// root, as container engines do. Returns null when a ".." climbs above the root.
    /// </summary>
    public static string? Normalize(string name)
    {
        if (IsClean(name))
            return name.Length == 0 ? "/" : string.Concat("/", name);

        var segments = new List<Range>();
        var span = name.AsSpan();
        foreach (var range in span.Split('/'))
        {
            var segment = span[range];
            if (segment.IsEmpty || segment is ".")
                continue;
            if (segment is "..")
            {
                if (segments.Count == 0)
                    return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(range);
        }
        if (segments.Count == 0)
            return "/";
        var length = 0;
        foreach (var range in segments)
            length += 1 + range.GetOffsetAndLength(name.Length).Length;
        return string.Create(length, (name, segments), static (destination, state) =>
        {
            var position = 0;
            foreach (var range in state.segments)
            {
                destination[position++] = '/';
                var segment = state.name.AsSpan()[range];
                segment.CopyTo(destination[position..]);
                position += segment.Length;
            }
        });
    }

    /// <summary>The common case, "usr/bin/env" or "./usr/bin/env": no segment to resolve, so one concatenation suffices.</summary>
    private static bool IsClean(string name)
    {
        var span = name.AsSpan();
        if (span.StartsWith("./"))
            return false;
        if (span.IsEmpty || span[0] == '/' || span[^1] == '/')
            return false;
        foreach (var range in span.Split('/'))
        {
            var segment = span[range];
            if (segment.IsEmpty || segment is "." or "..")
                return false;
        }
        return true;
    }

    /// <summary>The folder holding a normalised path ("/" for top-level entries).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>Joins a normalised folder and a name.</summary>
    public static string Join(string folder, ReadOnlySpan<char> name) =>
        folder == "/" ? string.Concat("/", name) : string.Concat(folder, "/", name);
}
