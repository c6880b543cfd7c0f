using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Does a path written in a RUN (an <c>rm</c> argument, a <c>--mount</c> target) cover a cache directory? Directories
/// are absolute (<c>/var/lib/apt/lists</c>) or start with <c>~/</c> for "in any home" (<c>~/.cache/pip</c>).
/// A path covers a directory when it is the directory or one of its parents.
/// </summary>
internal static class CachePaths
{
    /// <summary>
    /// True when the RUN has a cache or tmpfs mount at one of the directories (or a parent of one); with
    /// <paramref name="orInside"/>, also one inside them (a mount on /go/pkg/mod/cache keeps Go's downloads).
    /// </summary>
    public static bool MountCovers(SemanticModel model, RunInstructionSyntax run, IReadOnlyList<string> directories, bool orInside = false)
    {
        foreach (var mount in run.Mounts)
        {
            if (mount.Type is not ("cache" or "tmpfs") || mount.Target is not { } target)
                continue;
            var expanded = target.Contains('$') && model.Expand(run, target) is { Succeeded: true } r ? r.Value : target;
            if (directories.Any(d => Covers(expanded, d) || (orInside && d.StartsWith('/') && expanded.StartsWith(d + "/", StringComparison.Ordinal))))
                return true;
        }
        return false;
    }

    /// <summary>True when an <c>rm</c> (or <c>find … -delete</c>) after <paramref name="after"/> removes one of the directories.</summary>
    public static bool RemovedAfter(ShellScript script, ShellCommand after, IReadOnlyList<string> directories)
    {
        foreach (var command in script.Commands)
        {
            if (command.Span.Start <= after.Span.Start)
                continue;
            var effective = command.Unwrap();
            if (!effective.IsNamed("rm") && !(effective.IsNamed("find") && (effective.HasArgument("-delete") || effective.HasArgument("-exec"))))
                continue;
            if (effective.PositionalArguments.Any(word => directories.Any(d => Covers(word.Value, d))))
                return true;
        }
        return false;
    }

    public static bool Covers(string written, string directory)
    {
        var path = Normalize(written);
        if (path.Length == 0)
            return false;
        if (directory.StartsWith("~/", StringComparison.Ordinal))
        {
            var relative = directory[1..];
            for (var suffix = relative; suffix.Length > 0; suffix = suffix[..suffix.LastIndexOf('/')])
            {
                if (path.EndsWith(suffix, StringComparison.Ordinal))
                    return true;
            }
            return false;
        }
        return path == directory || directory.StartsWith(path + "/", StringComparison.Ordinal);
    }

    /// <summary><c>~</c> and <c>$HOME</c> become <c>/root</c>; trailing <c>/</c>, <c>/*</c> and <c>/.</c> go.</summary>
    private static string Normalize(string path)
    {
        foreach (var home in new[] { "${HOME}", "$HOME", "~" })
        {
            if (path == home || path.StartsWith(home + "/", StringComparison.Ordinal))
            {
                path = "/root" + path[home.Length..];
                break;
            }
        }
        while (path.Length > 1 && (path.EndsWith('/') || path.EndsWith("/*", StringComparison.Ordinal) || path.EndsWith("/.", StringComparison.Ordinal)))
            path = path.EndsWith('/') ? path[..^1] : path[..^2];
        return path.StartsWith('/') && path.Length > 1 ? path : "";
    }
}
