using System.Text.RegularExpressions;
using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// A Docker image name in its full form — registry, repository, tag and/or digest — with Docker's defaults applied
/// ("busybox" is docker.io/library/busybox:latest).
/// </summary>
public sealed partial record DockerImageName(string Registry, string Repository, string? Tag, BlobDigest? Digest)
{
    public const string DockerHub = "docker.io";

    public override string ToString() =>
        Registry + "/" + Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>Parses NAME[:TAG][@DIGEST]; the first path component is a registry when it has a '.' or a ':' or is "localhost".</summary>
    public static DockerImageName Parse(string text)
    {
        if (text.Length is 0 or > 512)
            throw new ImageReferenceException(text, text.Length == 0 ? "an image name cannot be empty" : "is too long for an image name");
        var rest = text;
        BlobDigest? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            if (!BlobDigest.TryParse(rest[(at + 1)..], out var parsed))
                throw new ImageReferenceException(text, $"\"{rest[(at + 1)..]}\" is not a digest (expected sha256: and 64 hex digits)");
            digest = parsed;
            rest = rest[..at];
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
                throw new ImageReferenceException(text, $"\"{tag}\" is not a valid tag (letters, digits, '_', '.', '-'; at most 128)");
        }
        var registry = DockerHub;
        var slash = rest.IndexOf('/');
        if (slash > 0 && rest[..slash] is var first && (first.Contains('.') || first.Contains(':') || first == "localhost"))
        {
            if (!RegistryPattern().IsMatch(first))
                throw new ImageReferenceException(text, $"\"{first}\" is not a valid registry host");
            registry = first == "index.docker.io" ? DockerHub : first;
            rest = rest[(slash + 1)..];
        }
        if (rest.Length == 0)
            throw new ImageReferenceException(text, "has no repository name");
        foreach (var component in rest.Split('/'))
        {
            if (!ComponentPattern().IsMatch(component))
            {
                throw new ImageReferenceException(text, component.Any(char.IsUpper)
                    ? "repository names must be lowercase"
                    : $"\"{component}\" is not a valid repository name component");
            }
        }
        if (registry == DockerHub && !rest.Contains('/'))
            rest = "library/" + rest;
        if (tag is null && digest is null)
            tag = "latest";
        return new DockerImageName(registry, rest, tag, digest);
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")]
    private static partial Regex ComponentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex RegistryPattern();
}
