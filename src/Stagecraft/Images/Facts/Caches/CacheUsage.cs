namespace Stagecraft.Images.Facts;

/// <summary>Bytes a package-manager cache, a temporary folder or Python's bytecode caches take in the image.</summary>
/// <param name="Tool">Who leaves it: apt, apk, rpm, pip, npm, yarn, go, cargo, mvn, gradle, dotnet, tmp, python, …</param>
/// <param name="Location">Where that tool keeps it, as documented: an absolute path, <c>~/…</c> (any home), <c>$VARIABLE…</c> (moved by the image's ENV) or <c>**/__pycache__</c>.</param>
/// <param name="Path">The folder found in this image (for <c>**/__pycache__</c>, the pattern itself).</param>
/// <param name="Folders">How many folders were summed (1, except for patterns that match anywhere).</param>
public sealed record CacheUsage(string Tool, string Location, string Path, long Bytes, int Files, int Folders = 1);
