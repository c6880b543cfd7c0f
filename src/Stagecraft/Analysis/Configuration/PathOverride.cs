using Stagecraft.Inputs;

namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// One entry of <c>overrides:</c>: rules ignored and severities changed for Dockerfiles whose path, relative to the
/// configuration file's folder, matches one of <see cref="Paths"/>.
/// </summary>
public sealed record PathOverride(IReadOnlyList<string> Paths, IReadOnlySet<string> Ignored, IReadOnlyDictionary<string, Severity> SeverityOverrides)
{
    private readonly PathGlob[] _globs = Paths.Select(ToGlob).ToArray();

    /// <summary>
    /// True when the '/'-separated <paramref name="relativePath"/> or one of its folders matches a pattern. A pattern
    /// without '/' matches a name at any depth; one with '/' is anchored at the configuration file's folder.
    /// </summary>
    public bool Applies(string relativePath)
    {
        var names = PathGlob.Split(relativePath);
        for (var length = names.Length; length > 0; length--)
        {
            var prefix = names[..length];
            if (_globs.Any(g => g.Matches(prefix)))
                return true;
        }
        return false;
    }

    private static PathGlob ToGlob(string pattern)
    {
        var trimmed = pattern.TrimEnd('/');
        if (trimmed.StartsWith("./", StringComparison.Ordinal))
            trimmed = trimmed[2..];
        return new PathGlob(trimmed.Contains('/') ? trimmed.TrimStart('/') : "**/" + trimmed);
    }
}
