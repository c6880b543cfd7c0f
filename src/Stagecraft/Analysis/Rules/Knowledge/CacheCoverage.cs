using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>What a mount on a cache has to achieve.</summary>
internal enum CacheUse
{
    /// <summary>Keep the cache out of the image layer: a cache, tmpfs or bind mount on the directory or a folder above it.</summary>
    OutOfLayer,
    /// <summary>Keep the downloads on the builder between builds: a cache mount on the directory, a folder above it or one inside it.</summary>
    BetweenBuilds,
}

/// <summary>A cache directory as one command uses it: absolute, or <c>~/…</c> for "in the home of whoever runs it".</summary>
/// <param name="Moved">True when a variable (PIP_CACHE_DIR, GOMODCACHE, …) put it there.</param>
/// <param name="Directory">Which of the manager's <see cref="PackageManager.Caches"/> it is.</param>
internal readonly record struct CacheLocation(string Path, bool StaysInLayer, bool Moved, int Directory = 0);

/// <summary>A RUN mount's type and its target, expanded and normalised.</summary>
internal readonly record struct MountPath(string Type, string Path);

/// <summary>
/// The one answer to "does this RUN keep that cache": where a command's caches are (its manager's defaults, or where a
/// variable moved them), and whether a mount target or a removed path covers one of them.
/// </summary>
internal static class CacheCoverage
{
    /// <summary>
    /// Where <paramref name="command"/> keeps each of its manager's caches: where the first set variable of the cache points
    /// (the command's own assignment, then an <c>export</c> earlier in the RUN, then ENV/ARG), else at the defaults.
    /// </summary>
    public static CacheLocation[] Locate(PackageManager manager, ShellCommand command, VariableScope scope, IReadOnlyDictionary<string, string>? exported)
    {
        if (manager.Caches.Length == 0)
            return [];
        // Sized for every default path; a moved cache takes one slot, so the array is cut only then (no list to copy from).
        var size = 0;
        foreach (var cache in manager.Caches)
            size += Math.Max(1, cache.Paths.Length);
        var locations = new CacheLocation[size];
        var count = 0;
        for (var index = 0; index < manager.Caches.Length; index++)
        {
            var cache = manager.Caches[index];
            var moved = false;
            foreach (var variable in cache.MovedBy)
            {
                if (ValueOf(variable.Name, command, scope, exported) is { } value && AsLocation(value) is { } path)
                {
                    locations[count++] = new(path + variable.Suffix, cache.StaysInLayer, true, index);
                    moved = true;
                    break;
                }
            }
            if (!moved)
            {
                foreach (var path in cache.Paths)
                    locations[count++] = new(path, cache.StaysInLayer, false, index);
            }
        }
        if (count < size)
            Array.Resize(ref locations, count);
        return locations;
    }

    /// <summary>The value a command sees for an environment variable, or null when it is not set.</summary>
    public static string? ValueOf(string name, ShellCommand command, VariableScope scope, IReadOnlyDictionary<string, string>? exported)
    {
        foreach (var assignment in command.Assignments)
        {
            if (assignment.Name == name)
                return assignment.Value;
        }
        if (exported is not null && exported.TryGetValue(name, out var value))
            return value;
        return scope.Find(name) is { } variable ? variable.Value ?? "" : null;
    }

    /// <summary>The option or variable with which the command keeps no cache (pip --no-cache-dir, PIP_NO_CACHE_DIR), or null.</summary>
    public static string? DisabledBy(PackageManager manager, ShellCommand command, VariableScope scope, IReadOnlyDictionary<string, string>? exported)
    {
        foreach (var option in manager.NoCacheOptions)
        {
            if (command.HasOption(option))
                return option;
        }
        return manager.NoCacheVariable is { } variable && ValueOf(variable, command, scope, exported) is not null ? variable : null;
    }

    /// <summary>The RUN's mounts, targets expanded through ARG/ENV and normalised; mounts without a usable target are left out.</summary>
    public static MountPath[] MountsOf(SemanticModel model, RunInstructionSyntax run)
    {
        if (run.Mounts.Count == 0)
            return [];
        var mounts = new List<MountPath>(run.Mounts.Count);
        foreach (var mount in run.Mounts)
        {
            if (mount.Target is not { } target)
                continue;
            var expanded = target.Contains('$') && model.Expand(run, target) is { Succeeded: true } result ? result.Value : target;
            if (Normalize(expanded) is { Length: > 0 } path)
                mounts.Add(new(mount.Type, path));
        }
        return [.. mounts];
    }

    /// <summary>True when one of the mounts keeps one of the locations, as <paramref name="use"/> asks.</summary>
    public static bool Keeps(IReadOnlyList<MountPath> mounts, IReadOnlyList<CacheLocation> locations, CacheUse use)
    {
        foreach (var mount in mounts)
        {
            var counts = use == CacheUse.BetweenBuilds ? mount.Type == "cache" : mount.Type is "cache" or "tmpfs" or "bind";
            if (!counts)
                continue;
            foreach (var location in locations)
            {
                if ((use == CacheUse.BetweenBuilds || location.StaysInLayer) && Covers(mount.Path, location.Path, orInside: use == CacheUse.BetweenBuilds))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when a normalised <paramref name="path"/> is the location or a folder above it (for <c>~/</c> locations: in
    /// any home, or the home itself), or with <paramref name="orInside"/> a folder inside it.
    /// </summary>
    public static bool Covers(string path, string location, bool orInside)
    {
        if (!location.StartsWith("~/", StringComparison.Ordinal))
            return path == location || (location.StartsWith(path, StringComparison.Ordinal) && location.Length > path.Length && location[path.Length] == '/')
                || (orInside && path.StartsWith(location, StringComparison.Ordinal) && path.Length > location.Length && path[location.Length] == '/');
        if (IsHome(path))
            return true;
        var relative = location.AsSpan(1);
        for (var suffix = relative; suffix.Length > 0; suffix = suffix[..suffix.LastIndexOf('/')])
        {
            if (path.AsSpan().EndsWith(suffix, StringComparison.Ordinal))
                return true;
        }
        return orInside && path.AsSpan().IndexOf(string.Concat(relative, "/"), StringComparison.Ordinal) >= 0;
    }

    /// <summary><c>~</c> and <c>$HOME</c> become <c>/root</c>; trailing <c>/</c>, <c>/*</c> and <c>/.</c> go; "" for anything not absolute.</summary>
    public static string Normalize(string path)
    {
        foreach (var home in (ReadOnlySpan<string>)["${HOME}", "$HOME", "~"])
        {
            if (path == home || (path.StartsWith(home, StringComparison.Ordinal) && path.Length > home.Length && path[home.Length] == '/'))
            {
                path = "/root" + path[home.Length..];
                break;
            }
        }
        while (path.Length > 1 && (path.EndsWith('/') || path.EndsWith("/*", StringComparison.Ordinal) || path.EndsWith("/.", StringComparison.Ordinal)))
            path = path.EndsWith('/') ? path[..^1] : path[..^2];
        return path.Length > 1 && path[0] == '/' ? path : "";
    }

    /// <summary>A variable's value as a location: <c>~/…</c> for a path in the home, an absolute path, or null when it cannot be known.</summary>
    private static string? AsLocation(string value)
    {
        foreach (var home in (ReadOnlySpan<string>)["${HOME}/", "$HOME/", "~/"])
        {
            if (value.StartsWith(home, StringComparison.Ordinal))
                return value.Length > home.Length && !value.AsSpan(home.Length).Contains('$') ? "~/" + value[home.Length..].TrimEnd('/') : null;
        }
        var path = Normalize(value);
        return path.Length > 0 && !path.Contains('$') ? path : null;
    }

    private static bool IsHome(string path) =>
        path == "/root" || (path.StartsWith("/home/", StringComparison.Ordinal) && path.Length > 6 && path.IndexOf('/', 6) < 0);
}
