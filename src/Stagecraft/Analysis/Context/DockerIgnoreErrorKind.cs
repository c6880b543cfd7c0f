namespace Stagecraft.Analysis.Context;

/// <summary>Why a <c>.dockerignore</c> file cannot be used as BuildKit would use it.</summary>
public enum DockerIgnoreErrorKind
{
    /// <summary>A pattern is malformed (moby's <c>ErrBadPattern</c>), found when the matcher is built or when the pattern is first used.</summary>
    BadPattern,

    /// <summary>A line is just <c>!</c> (moby's "illegal exclusion pattern").</summary>
    IllegalExclusion,

    /// <summary>A line is 64 KiB or longer, which Go's line scanner refuses, so BuildKit cannot read the file.</summary>
    LineTooLong,

    /// <summary>The file exists but could not be read.</summary>
    Unreadable,
}
