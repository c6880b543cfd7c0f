namespace Stagecraft.Analysis.Context;

/// <summary>Whether a path is left out of the build context, and which pattern settled it.</summary>
/// <param name="IsExcluded">True when the path (or one of its parent directories) is excluded and no later <c>!</c> line re-includes it.</param>
/// <param name="DecidedBy">The last pattern that matches the path or a parent; null when none does.</param>
public readonly record struct DockerIgnoreDecision(bool IsExcluded, DockerIgnorePattern? DecidedBy);
