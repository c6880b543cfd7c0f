namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>How firmly a tag pins an image.</summary>
internal enum TagPinning
{
    /// <summary>A specific release: <c>node:20.11.1-slim</c>, <c>python:3.12</c>, <c>debian:bookworm</c>, <c>alpine:3.20</c>, dated tags.</summary>
    Pinned,
    /// <summary>Moves to new releases: major-only (<c>node:20</c>), channels (<c>node:lts</c>, <c>python:alpine</c>), rolling distributions (<c>debian:sid</c>).</summary>
    Floating,
}

/// <summary>
/// Reads tags as version pins. For operating system images the release is the version (<c>debian:12</c>,
/// <c>ubuntu:jammy</c>, <c>servercore:ltsc2022</c>): point releases there are security updates. For everything
/// else a version needs at least major.minor (<c>python:3.12</c>); a major alone or a word (<c>lts</c>) floats.
/// </summary>
internal static class ImageTags
{
    private static readonly string[] Distributions = ["debian", "ubuntu", "alpine", "buildpack-deps", "fedora", "centos", "rockylinux", "almalinux",
        "amazonlinux", "oraclelinux", "photon", "clearlinux", "opensuse/leap", "opensuse/tumbleweed", "archlinux"];
    private static readonly string[] Rolling = ["latest", "sid", "unstable", "testing", "stable", "oldstable", "rolling", "edge", "rawhide", "tumbleweed",
        "devel", "experimental", "lts", "current", "nightly", "dev"];

    public static bool IsOperatingSystem(ImageReference image) =>
        Distributions.Contains(image.Name) || Distributions.Contains(image.Repository)
        || image.FullRepository.StartsWith("mcr.microsoft.com/windows", StringComparison.Ordinal)
        || image.FullRepository.StartsWith("mcr.microsoft.com/azurelinux/", StringComparison.Ordinal)
        || image.FullRepository.StartsWith("mcr.microsoft.com/cbl-mariner/", StringComparison.Ordinal)
        || (image.Registry is "registry.access.redhat.com" or "registry.redhat.io" && image.Repository.StartsWith("ubi", StringComparison.Ordinal));

    public static TagPinning Classify(ImageReference image, string tag)
    {
        // Segments are read in place rather than split out: every FROM of every file is asked this.
        var lower = tag.ToLowerInvariant().AsSpan();
        var firstEnd = lower.IndexOfAny('-', '_');
        var first = firstEnd < 0 ? lower : lower[..firstEnd];
        if (first.Length > 1 && first[0] == 'v' && char.IsAsciiDigit(first[1]))
            first = first[1..];
        var rest = lower;
        for (var end = firstEnd; end >= 0;)
        {
            rest = rest[(end + 1)..];
            end = rest.IndexOfAny('-', '_');
            if (IsDateOrBuild(end < 0 ? rest : rest[..end]))
                return TagPinning.Pinned;
        }
        var os = IsOperatingSystem(image);
        if (first.Length > 0 && char.IsAsciiDigit(first[0]))
            return first.Contains('.') || IsDateOrBuild(first) || (os && image.Name != "alpine") ? TagPinning.Pinned : TagPinning.Floating;
        return os && !IsRolling(first) ? TagPinning.Pinned : TagPinning.Floating;
    }

    private static bool IsRolling(ReadOnlySpan<char> segment)
    {
        foreach (var rolling in Rolling)
        {
            if (segment.SequenceEqual(rolling))
                return true;
        }
        return false;
    }

    /// <summary>A date (<c>20240110</c>) or long build number (<c>1809</c> stays a Windows release and is read as such too).</summary>
    private static bool IsDateOrBuild(ReadOnlySpan<char> segment) => segment.Length >= 4 && segment.IndexOfAnyExceptInRange('0', '9') < 0;
}
