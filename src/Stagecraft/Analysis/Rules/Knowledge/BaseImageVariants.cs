namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A smaller base for a full one: the images to suggest with their typical sizes; <see cref="IsToolchain"/> when the full one is a compiler image.</summary>
internal sealed record BaseImageSuggestion(string Current, string CurrentSize, IReadOnlyList<(string Image, string Size)> Alternatives, bool IsToolchain);

/// <summary>
/// Official images that come in a full (Debian with build tools) and a smaller variant, and the typical uncompressed
/// linux/amd64 size of each (rounded, as <c>docker images</c> shows them for recent versions).
/// </summary>
internal static class BaseImageVariants
{
    private static readonly string[] MinimalMarkers = ["slim", "alpine", "distroless", "chiseled", "jre", "nanoserver", "windowsservercore", "servercore", "ltsc", "minimal", "busybox", "musl"];
    private static readonly string[] Codenames = ["trixie", "bookworm", "bullseye", "buster", "stretch", "jessie", "noble", "jammy", "focal", "bionic", "xenial"];
    private static readonly string[] Channels = ["latest", "lts", "current", "stable", "oldstable", "testing", "unstable", "sid"];

    /// <summary>The smaller variants of a full official image, or null when it is already small, unknown, or its tag is not understood.</summary>
    public static BaseImageSuggestion? Suggest(ImageReference image)
    {
        // Most final images are none of these: decide on the name before reading the tag.
        var official = image.OfficialName;
        var isSdk = image.FullRepository == "mcr.microsoft.com/dotnet/sdk";
        if (!isSdk && official is not ("node" or "python" or "ruby" or "perl" or "debian" or "php" or "eclipse-temurin" or "openjdk" or "golang" or "rust"))
            return null;
        var tag = image.EffectiveTag.ToLowerInvariant();
        var segments = tag.Split('-');
        if (tag.Length == 0 || segments.Any(s => MinimalMarkers.Any(m => s.StartsWith(m, StringComparison.Ordinal))))
            return null;
        var version = segments[0] != "latest" && IsVersion(segments[0]) ? segments[0] : null;
        var codename = segments.FirstOrDefault(Codenames.Contains);
        bool Only(params string[] flavors) => segments.Select((s, i) => i == 0 && IsVersion(s) || Codenames.Contains(s) || flavors.Contains(s)).All(ok => ok);
        string Tag(params string?[] parts) => string.Join("-", parts.Where(p => !string.IsNullOrEmpty(p)));

        if (isSdk && Only())
            return new(image.ToString(), "~850 MB", [($"mcr.microsoft.com/dotnet/aspnet:{tag}", "~220 MB"), ($"mcr.microsoft.com/dotnet/runtime:{tag}", "~190 MB")], true);
        switch (official)
        {
            case "node" when Only():
                return Slim(image, "~1.1 GB", Tag(version, codename, "slim"), "~200 MB", Tag(version, "alpine"), "~135 MB");
            case "python" when Only():
                return Slim(image, "~1.0 GB", Tag(version, "slim", codename), "~150 MB", Tag(version, "alpine"), "~60 MB");
            case "ruby" when Only():
                return Slim(image, "~1.0 GB", Tag(version, "slim", codename), "~220 MB", Tag(version, "alpine"), "~100 MB");
            case "perl" when Only():
                return Slim(image, "~900 MB", Tag(version, "slim", codename), "~150 MB", null, null);
            case "debian" when Only():
                return Slim(image, "~120 MB", Tag(version ?? codename ?? "stable", "slim"), "~75 MB", null, null);
            case "php" when Only("cli", "fpm", "zts"):
                return new(image.ToString(), "~500 MB", [(image.WithTag(Tag(version, segments.FirstOrDefault(s => s is "cli" or "fpm" or "zts"), "alpine")), "~100 MB")], false);
            case "eclipse-temurin" when Only("jdk"):
                return new(image.ToString(), "~450 MB", [(image.WithTag(Tag(version, "jre")), "~270 MB"), (image.WithTag(Tag(version, "jre", "alpine")), "~180 MB")], false);
            case "openjdk" when version is not null && Only("jdk", "oraclelinux8", "oracle"):
                return new(image.ToString(), "~470 MB", [($"eclipse-temurin:{version.Split('.')[0]}-jre", "~270 MB")], false);
            case "golang" when Only():
                return new(image.ToString(), "~800 MB", [("gcr.io/distroless/static-debian12", "~2 MB"), ("scratch", "0 MB")], true);
            case "rust" when Only():
                return new(image.ToString(), "~1.4 GB", [("gcr.io/distroless/cc-debian12", "~25 MB"), ("debian:bookworm-slim", "~75 MB")], true);
            default:
                return null;
        }
    }

    private static BaseImageSuggestion Slim(ImageReference image, string size, string slim, string slimSize, string? alpine, string? alpineSize)
    {
        var alternatives = new List<(string, string)> { (image.WithTag(slim), slimSize) };
        if (alpine is not null)
            alternatives.Add((image.WithTag(alpine), alpineSize!));
        return new(image.ToString(), size, alternatives, false);
    }

    private static bool IsVersion(string segment) =>
        Channels.Contains(segment) || (segment.Length > 0 && (char.IsAsciiDigit(segment[0]) || (segment[0] == 'v' && segment.Length > 1 && char.IsAsciiDigit(segment[1])))
            && segment.All(c => char.IsAsciiDigit(c) || c is '.' or 'v'));
}
