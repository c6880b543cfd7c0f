using Stagecraft.Generation;

namespace Stagecraft.Analysis.Rules.Knowledge;

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

    // Rust: endoflife.date/rust (1.95.0 of 2026-04-16, 1.94.1, 1.93.1) and rust-lang/docker-rust#256 (1.91.1).
    private static readonly ReleaseVersion[] Rust = [V(1, 95, 0), V(1, 94, 1), V(1, 93, 1), V(1, 91, 1)];

    // Java: the LTS lines of Eclipse Temurin, as tagged on Docker Hub (see TemurinBuilds): 25.0.3_9 and 21.0.9_10 from
    // Renovate updates of those tags (2026 and 2025-12), 17.0.15_6 from a Dependabot update (2025).
    private static readonly ReleaseVersion[] Java = [V(25, 0, 3), V(21, 0, 9), V(17, 0, 15)];

    // .NET: dotnet/core release-notes — 10.0.12 (2026-09-08, SDK 10.0.401); 9.0.12 (SDK 9.0.310) and 8.0.23 (SDK
    // 8.0.417) from releases-index.json of 2026-01; both of those lines ended support on 2026-11-10.
    private static readonly ReleaseVersion[] DotNet = [V(10, 0, 12), V(9, 0, 12), V(8, 0, 23)];

    // Ruby: endoflife.date/ruby — 4.0.5 (2026-05-19), 3.4.9 (2026-03-11), 3.3.11, 3.2.11 (2026-03).
    private static readonly ReleaseVersion[] Ruby = [V(4, 0, 5), V(3, 4, 9), V(3, 3, 11), V(3, 2, 11)];

    // PHP: php/php-src releases of 2025-11-20 — 8.5.0, 8.4.15, 8.3.28.
    private static readonly ReleaseVersion[] Php = [V(8, 5, 0), V(8, 4, 15), V(8, 3, 28)];

    /// <summary>The build number Temurin's Docker tags add to a release (<c>21.0.9_10-jre</c>).</summary>
    private static readonly Dictionary<string, string> TemurinBuilds = new(StringComparer.Ordinal)
    {
        ["25.0.3"] = "9",
        ["21.0.9"] = "10",
        ["17.0.15"] = "6",
    };

    /// <summary>The SDK release that ships each known .NET runtime release (the sdk image is tagged by SDK version).</summary>
    private static readonly Dictionary<string, string> DotNetSdks = new(StringComparer.Ordinal)
    {
        ["10.0.12"] = "10.0.401",
        ["9.0.12"] = "9.0.310",
        ["8.0.23"] = "8.0.417",
    };

    // The line chosen when nothing asks for one, or when an open range (">=3.9") allows it: the newest line most
    // libraries have caught up with, rather than a release from last month.
    public static ReleaseVersion DefaultLine(Stack stack) => stack switch
    {
        Stack.Node => V(24, 11, 0),
        Stack.Python => V(3, 13, 7),
        Stack.Go => V(1, 25, 3),
        Stack.Rust => V(1, 95, 0),
        Stack.Java => V(21, 0, 9),
        Stack.DotNet => V(10, 0, 12),
        Stack.Ruby => V(3, 4, 9),
        _ => V(8, 4, 15),
    };

    /// <summary>The known newest releases of each line, newest first.</summary>
    public static IReadOnlyList<ReleaseVersion> Lines(Stack stack) => stack switch
    {
        Stack.Node => Node,
        Stack.Python => Python,
        Stack.Go => Go,
        Stack.Rust => Rust,
        Stack.Java => Java,
        Stack.DotNet => DotNet,
        Stack.Ruby => Ruby,
        _ => Php,
    };

    /// <summary>The newest known release of the line <paramref name="line"/> names (<c>3.12</c> → 3.12.11), or null.</summary>
    public static ReleaseVersion? NewestOf(Stack stack, ReleaseVersion line) =>
        Lines(stack).Cast<ReleaseVersion?>().FirstOrDefault(v => v!.Value.ComparePrefix(line with { Parts = Math.Min(line.Parts, LineParts(stack)) }) == 0);

    /// <summary>How many parts name a release line: Node's and Java's major; the others' major.minor.</summary>
    public static int LineParts(Stack stack) => stack is Stack.Node or Stack.Java ? 1 : 2;

    /// <summary>Temurin's tag for a Java release (<c>21.0.9_10</c>), or the line's tag (<c>21</c>) for a release the table does not know.</summary>
    public static string TemurinTag(string version) =>
        TemurinBuilds.TryGetValue(version, out var build) ? $"{version}_{build}" : version.Split('.')[0];

    /// <summary>The SDK release for a .NET runtime release, or the channel (<c>10.0</c>) for one the table does not know.</summary>
    public static string DotNetSdk(string runtime) =>
        DotNetSdks.TryGetValue(runtime, out var sdk) ? sdk : string.Join('.', runtime.Split('.').Take(2));

    private static ReleaseVersion V(int major, int minor, int patch) => new(major, minor, patch, 3);
}
