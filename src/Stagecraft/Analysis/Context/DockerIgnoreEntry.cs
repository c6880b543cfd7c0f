namespace Stagecraft.Analysis.Context;

/// <summary>One pattern line of a <c>.dockerignore</c> file, as BuildKit reads it.</summary>
/// <param name="Line">1-based line number in the file (comments and blank lines count).</param>
/// <param name="Pattern">The pattern after BuildKit's normalisation (trimmed, cleaned, no leading <c>/</c>), with its <c>!</c> if any.</param>
/// <param name="Text">The line as written, without surrounding white space: what to quote to a user.</param>
public sealed record DockerIgnoreEntry(int Line, string Pattern, string Text);
