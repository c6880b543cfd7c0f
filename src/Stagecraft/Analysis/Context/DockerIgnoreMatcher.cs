namespace Stagecraft.Analysis.Context;

/// <summary>
/// Decides which build-context paths a <c>.dockerignore</c> leaves out, with the semantics of moby/patternmatcher
/// (used by BuildKit, the Docker CLI and the context walker): patterns are tested in order against the path and
/// each of its parent directories, and the last one that matches wins. Paths are relative to the context root and
/// '/'-separated. Immutable and safe to share between threads.
/// </summary>
public sealed class DockerIgnoreMatcher
{
    // What makes fsutil stop treating "!" lines as plain path prefixes when it decides to skip a directory.
    private const string WildcardCharacters = "*[]?^\\";

    private readonly DockerIgnorePattern[] _patterns;
    private readonly bool _hasUnusablePatterns;
    private readonly bool _exceptionsArePlainPaths;
    private readonly string[] _exceptionDirectories;

    private DockerIgnoreMatcher(DockerIgnorePattern[] patterns, string? filePath)
    {
        _patterns = patterns;
        FilePath = filePath;
        HasExclusions = patterns.Any(p => p.IsException);
        _hasUnusablePatterns = patterns.Any(p => p.Problem is not null);

        var exceptions = patterns.Where(p => p.IsException).Select(p => WithoutTrailingWildcard(p.Pattern)).ToArray();
        _exceptionsArePlainPaths = exceptions.All(e => e.AsSpan().IndexOfAny(WildcardCharacters) < 0);
        _exceptionDirectories = [.. exceptions.Select(e => e + "/")];
    }

    /// <summary>A matcher that excludes nothing, for a context without an ignore file.</summary>
    public static DockerIgnoreMatcher Empty { get; } = new([], null);

    /// <summary>The ignore file the patterns came from, or null.</summary>
    public string? FilePath { get; }

    /// <summary>The patterns in file order; blank ones are dropped.</summary>
    public IReadOnlyList<DockerIgnorePattern> Patterns => _patterns;

    /// <summary>True when any pattern is a <c>!</c> exception (moby's <c>Exclusions()</c>).</summary>
    public bool HasExclusions { get; }

    /// <summary>
    /// Builds a matcher from patterns as moby's <c>New</c> takes them: each is trimmed and cleaned, blank ones are
    /// dropped, and a malformed one throws <see cref="DockerIgnoreException"/>.
    /// </summary>
    public static DockerIgnoreMatcher Create(IEnumerable<string> patterns) =>
        Build(patterns.Select(p => (p, (int?)null, p.Trim())), filePath: null);

    /// <summary>Builds a matcher from a read file; errors name the file and the line.</summary>
    public static DockerIgnoreMatcher Create(DockerIgnoreFile file) =>
        Build(file.Entries.Select(e => (e.Pattern, (int?)e.Line, e.Text)), file.Path);

    /// <summary>
    /// moby's <c>MatchesOrParentMatches</c>: true when the path, used exactly as given, is excluded.
    /// Throws <see cref="DockerIgnoreException"/> when the answer depends on a pattern whose <see cref="DockerIgnorePattern.Problem"/> is set.
    /// </summary>
    public bool MatchesOrParentMatches(string path) => LastMatch(path) is { IsException: false };

    /// <summary>
    /// True when the path is left out of the build context. The path is cleaned first (<c>./a//b/</c> is
    /// <c>a/b</c>) and the context root itself is never excluded, as in moby's package-level <c>Matches</c>.
    /// </summary>
    public bool IsExcluded(string path) => Decide(path).IsExcluded;

    /// <summary>Like <see cref="IsExcluded"/>, and also tells which pattern decided, for messages that point at a line.</summary>
    public DockerIgnoreDecision Decide(string path)
    {
        var cleaned = GoPath.Clean(path);
        if (cleaned == ".")
            return new DockerIgnoreDecision(false, null);
        var decidedBy = LastMatch(cleaned);
        return new DockerIgnoreDecision(decidedBy is { IsException: false }, decidedBy);
    }

    /// <summary>
    /// True when a context walk can skip the directory without looking inside: it is excluded, and no <c>!</c> line
    /// could re-include anything under it. Follows BuildKit's walker (tonistiigi/fsutil): once any <c>!</c> line has
    /// a wildcard (other than a trailing <c>/*</c> or <c>/**</c>), no excluded directory is skipped.
    /// </summary>
    public bool CanSkipDirectory(string directoryPath)
    {
        var directory = GoPath.Clean(directoryPath);
        if (directory == "." || LastMatch(directory) is not { IsException: false })
            return false;
        if (!_exceptionsArePlainPaths)
            return false;
        foreach (var exception in _exceptionDirectories)
        {
            if (exception.Length > directory.Length && exception.StartsWith(directory, StringComparison.Ordinal) && exception[directory.Length] == '/')
                return false;
        }
        return true;
    }

    private static DockerIgnoreMatcher Build(IEnumerable<(string Pattern, int? Line, string Text)> source, string? filePath)
    {
        var patterns = new List<DockerIgnorePattern>();
        foreach (var (raw, line, text) in source)
        {
            var pattern = raw.Trim();
            if (pattern.Length == 0)
                continue;
            pattern = GoPath.Clean(pattern);
            var isException = pattern[0] == '!';
            if (isException)
            {
                if (pattern.Length == 1)
                    throw new DockerIgnoreException(DockerIgnoreErrorKind.IllegalExclusion,
                        "a `!` needs a pattern after it; BuildKit rejects a lone `!`", filePath, line, text);
                pattern = pattern[1..];
            }
            var problem = PatternSyntax.FindProblem(pattern);
            if (problem is not null)
                throw new DockerIgnoreException(DockerIgnoreErrorKind.BadPattern, problem, filePath, line, text);
            patterns.Add(new DockerIgnorePattern(pattern, isException, line, text));
        }
        return new DockerIgnoreMatcher([.. patterns], filePath);
    }

    private DockerIgnorePattern? LastMatch(ReadOnlySpan<char> path)
    {
        var target = new ContextPath(path);
        if (_hasUnusablePatterns)
            ThrowIfUnusablePatternIsReached(target);

        // Walking from the end finds the deciding pattern at once; moby walks forwards, skipping patterns that
        // could not change the answer, which gives the same answer.
        for (var i = _patterns.Length - 1; i >= 0; i--)
        {
            var pattern = _patterns[i];
            if (pattern.Problem is null && pattern.MatchesPathOrParent(target))
                return pattern;
        }
        return null;
    }

    // moby only evaluates a pattern that could flip the current answer, and reports the broken one only then.
    private void ThrowIfUnusablePatternIsReached(in ContextPath target)
    {
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.IsException != excluded)
                continue;
            if (pattern.Problem is not null)
                throw new DockerIgnoreException(DockerIgnoreErrorKind.BadPattern, pattern.Problem, FilePath, pattern.Line, pattern.Text);
            if (pattern.MatchesPathOrParent(target))
                excluded = !pattern.IsException;
        }
    }

    // fsutil compares "!" lines with directories after dropping a trailing "/**" and then a trailing "/*".
    private static string WithoutTrailingWildcard(string pattern)
    {
        if (pattern.EndsWith("/**", StringComparison.Ordinal))
            pattern = pattern[..^3];
        if (pattern.EndsWith("/*", StringComparison.Ordinal))
            pattern = pattern[..^2];
        return pattern;
    }
}
