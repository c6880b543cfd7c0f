namespace Stagecraft.Generation.Detection;

/// <summary>
/// The newest release of each supported line of a runtime, so a requirement such as <c>&gt;=18</c> or <c>3.12</c>
/// becomes a precise, reproducible base image tag without asking a registry. Kept by hand: when a line gets a new
/// patch release, change it here (the tests check only that each line resolves, not which patch it names).
/// </summary>
internal static class KnownVersions
{
    // Node.js: the long-term-support lines; the default is the active LTS.
    private static readonly ReleaseVersion[] Node = [V(24, 11, 0), V(22, 20, 0), V(20, 19, 5), V(18, 20, 8)];
    private static readonly ReleaseVersion[] Python = [V(3, 14, 0), V(3, 13, 7), V(3, 12, 11), V(3, 11, 13), V(3, 10, 18), V(3, 9, 23)];
    private static readonly ReleaseVersion[] Go = [V(1, 25, 3), V(1, 24, 9), V(1, 23, 12), V(1, 22, 12), V(1, 21, 13), V(1, 20, 14), V(1, 19, 13)];

    // The line chosen when nothing asks for one, or when an open range (">=3.9") allows it: the newest line most
    // libraries have caught up with, rather than a release from last month.
    public static ReleaseVersion DefaultLine(Stack stack) => stack switch
    {
        Stack.Node => V(24, 11, 0),
        Stack.Python => V(3, 13, 7),
        _ => V(1, 25, 3),
    };

    /// <summary>The known newest releases of each line, newest first.</summary>
    public static IReadOnlyList<ReleaseVersion> Lines(Stack stack) => stack switch
    {
        Stack.Node => Node,
        Stack.Python => Python,
        _ => Go,
    };

    /// <summary>The newest known release of the line <paramref name="line"/> names (<c>3.12</c> → 3.12.11), or null.</summary>
    public static ReleaseVersion? NewestOf(Stack stack, ReleaseVersion line) =>
        Lines(stack).Cast<ReleaseVersion?>().FirstOrDefault(v => v!.Value.ComparePrefix(line with { Parts = Math.Min(line.Parts, LineParts(stack)) }) == 0);

    /// <summary>How many parts name a release line: Node's major; Python's and Go's major.minor.</summary>
    public static int LineParts(Stack stack) => stack == Stack.Node ? 1 : 2;

    private static ReleaseVersion V(int major, int minor, int patch) => new(major, minor, patch, 3);
}
