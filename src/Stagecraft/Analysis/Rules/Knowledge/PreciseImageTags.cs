using Stagecraft.Generation;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A floating tag made precise (<see cref="Tag"/>), or the reason it cannot be done offline (<see cref="Refusal"/>).</summary>
internal readonly record struct PreciseTag(string? Tag, string? Refusal)
{
    public static PreciseTag Refuse(string reason) => new(null, reason);
}

/// <summary>
/// Turns the floating tag of an official language image into the precise release <see cref="KnownVersions"/> keeps,
/// keeping the variant: <c>node:20-slim</c> → <c>node:20.19.5-slim</c>, <c>python:alpine</c> → <c>python:3.13.7-alpine</c>.
/// Only variants known to be published for those releases are written; anything else is refused, since a guessed tag
/// that does not exist upstream breaks the build.
/// </summary>
internal static class PreciseImageTags
{
    private const string DotNetRegistry = "mcr.microsoft.com/dotnet/";

    // Node's LTS codenames as its images tag them (node:iron-slim); older lines are out of the table.
    private static readonly Dictionary<string, int> NodeCodenames = new(StringComparer.Ordinal)
    {
        ["hydrogen"] = 18,
        ["iron"] = 20,
        ["jod"] = 22,
        ["krypton"] = 24,
    };

    // Variants every known release of the image is published with (Docker Hub's tag lists of those releases). The
    // Debian codename stays bookworm: the older releases in the table predate their trixie variants.
    private static readonly string[] NodeVariants = ["", "slim", "alpine", "bookworm", "bookworm-slim"];
    private static readonly string[] PythonVariants = ["", "slim", "alpine", "bookworm", "slim-bookworm"];
    private static readonly string[] GoVariants = ["", "alpine", "bookworm"];
    private static readonly string[] SlimAndAlpine = ["", "slim", "alpine"];
    private static readonly string[] PhpVariants = ["", "cli", "fpm", "zts", "apache", "alpine", "cli-alpine", "fpm-alpine", "zts-alpine"];
    private static readonly string[] TemurinVariants = ["jdk", "jre", "jdk-noble", "jre-noble"];
    private static readonly string[] TemurinAlpineVariants = ["jdk-alpine", "jre-alpine"];
    private static readonly string[] DotNetImages = ["sdk", "aspnet", "runtime", "runtime-deps"];

    /// <summary>
    /// The precise tag for <paramref name="image"/>'s floating tag (none, <c>latest</c>, a major, a channel, a variant
    /// alone), or why there is none. Call it only for tags <see cref="ImageTags"/> reads as not pinned.
    /// </summary>
    public static PreciseTag Pin(ImageReference image)
    {
        if (StackOf(image) is not { } stack)
            return PreciseTag.Refuse($"Stagecraft knows no releases of {image.FullRepository} offline; pin a version (or a digest) by hand");
        var tag = (image.Tag ?? "latest").ToLowerInvariant();
        var dash = tag.IndexOf('-');
        var head = dash < 0 ? tag : tag[..dash];
        var variant = dash < 0 ? "" : tag[(dash + 1)..];
        ReleaseVersion release;
        if (head is "latest" || (stack == Stack.Node && head is "lts"))
        {
            release = KnownVersions.DefaultLine(stack);
        }
        else if (stack == Stack.Node && head is "current")
        {
            // node:current is the newest line, which is not a long-term-support one: the table does not follow it.
            return PreciseTag.Refuse($"`{image}` follows Node's newest release line, which Stagecraft does not track offline; pin a version by hand");
        }
        else if ((head.Length > 0 && head.All(char.IsAsciiDigit)) || (stack == Stack.Node && NodeCodenames.ContainsKey(head)))
        {
            if (!NodeCodenames.TryGetValue(head, out var major) && !int.TryParse(head, System.Globalization.CultureInfo.InvariantCulture, out major))
                return PreciseTag.Refuse($"Stagecraft knows no release of the {image.Name} {head} line; pin a version by hand");
            if (KnownVersions.Lines(stack).Cast<ReleaseVersion?>().FirstOrDefault(v => v!.Value.Major == major) is not { } newest)
                return PreciseTag.Refuse($"Stagecraft knows no release of the {image.Name} {major} line; pin a version by hand");
            release = newest;
        }
        else
        {
            // A variant alone (python:alpine, node:bookworm-slim) follows the image's default line.
            var precise = Precise(image, stack, KnownVersions.DefaultLine(stack), tag);
            return precise.Tag is null ? PreciseTag.Refuse($"Stagecraft cannot tell which release `{image}` names; pin a version by hand") : precise;
        }
        return Precise(image, stack, release, variant);
    }

    private static PreciseTag Precise(ImageReference image, Stack stack, ReleaseVersion release, string variant)
    {
        var version = release.ToString();
        if (stack == Stack.Java)
        {
            // Temurin's tags name the JDK or JRE; the bare line (eclipse-temurin:21) is the JDK.
            variant = variant switch
            {
                "" => "jdk",
                "noble" or "alpine" => "jdk-" + variant,
                _ => variant,
            };
            version = KnownVersions.TemurinTag(version);
        }
        else if (stack == Stack.DotNet && image.Name == "sdk")
        {
            version = KnownVersions.DotNetSdk(version);
        }
        var precise = variant.Length == 0 ? version : version + "-" + variant;
        return Published(stack, release, variant)
            ? new PreciseTag(precise, null)
            : PreciseTag.Refuse($"Stagecraft does not know that `{image.WithTag(precise)}` is published; pin a version by hand");
    }

    private static bool Published(Stack stack, ReleaseVersion release, string variant) => stack switch
    {
        Stack.Node => NodeVariants.Contains(variant) || NodeAlpines(release.Major).Contains(variant),
        Stack.Python => PythonVariants.Contains(variant),
        Stack.Go => GoVariants.Contains(variant),
        Stack.Rust or Stack.Ruby => SlimAndAlpine.Contains(variant),
        Stack.Php => PhpVariants.Contains(variant),
        Stack.Java => TemurinVariants.Contains(variant) || (release.Major < 25 && TemurinAlpineVariants.Contains(variant)),
        _ => variant.Length == 0,
    };

    // The Alpine releases Node's images were built on when each line's newest known release came out.
    private static string[] NodeAlpines(int major) => major == 18 ? ["alpine3.20", "alpine3.21"] : ["alpine3.21", "alpine3.22"];

    private static Stack? StackOf(ImageReference image)
    {
        if (image.FullRepository.StartsWith(DotNetRegistry, StringComparison.Ordinal) && DotNetImages.Contains(image.FullRepository[DotNetRegistry.Length..]))
            return Stack.DotNet;
        return image.OfficialName switch
        {
            "node" => Stack.Node,
            "python" => Stack.Python,
            "golang" => Stack.Go,
            "rust" => Stack.Rust,
            "eclipse-temurin" => Stack.Java,
            "ruby" => Stack.Ruby,
            "php" => Stack.Php,
            _ => null,
        };
    }
}
