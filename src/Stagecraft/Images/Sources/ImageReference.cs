using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>
/// Where an image comes from, written with skopeo's transport prefixes: <c>docker-archive:PATH</c>,
/// <c>oci:DIR[:TAG]</c>, <c>oci-archive:PATH[:TAG]</c>, <c>docker-daemon:NAME[:TAG]</c>,
/// <c>docker://HOST/REPO[:TAG|@DIGEST]</c>, or a bare image name.
/// </summary>
public abstract record ImageReference
{
    /// <summary>The transport prefix without its colon ("oci-archive"); empty for a bare name.</summary>
    public abstract string Transport { get; }

    /// <summary>
    /// Parses a reference. The part after a file transport's prefix is split at its first ':' (as skopeo does), so
    /// the path itself cannot contain one; what follows is the tag or image name to pick inside.
    /// </summary>
    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            throw new ImageReferenceException(text, "an image reference cannot be empty");
        if (StripPrefix(text, "docker-archive:") is { } archive)
        {
            var (path, selector) = SplitPath(text, archive);
            if (selector is null)
                return new DockerArchiveReference(path, null, null);
            if (selector.StartsWith('@'))
            {
                if (!int.TryParse(selector.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                    throw new ImageReferenceException(text, $"\"{selector}\" is not an image number (@0, @1, …)");
                return new DockerArchiveReference(path, null, index);
            }
            return new DockerArchiveReference(path, DockerImageName.Parse(selector), null);
        }
        if (StripPrefix(text, "oci-archive:") is { } ociArchive)
        {
            var (path, tag) = SplitPath(text, ociArchive);
            return new OciArchiveReference(path, tag);
        }
        if (StripPrefix(text, "oci:") is { } oci)
        {
            var (path, tag) = SplitPath(text, oci);
            return new OciLayoutReference(path, tag);
        }
        if (StripPrefix(text, "docker-daemon:") is { } daemon)
        {
            if (BlobDigest.TryParse(daemon, out var imageId))
                return new DockerDaemonReference(null, imageId);
            return new DockerDaemonReference(DockerImageName.Parse(daemon), null);
        }
        if (StripPrefix(text, "docker://") is { } registry)
            return new RegistryReference(DockerImageName.Parse(registry));
        if (text.StartsWith("docker:", StringComparison.Ordinal))
            throw new ImageReferenceException(text, "registry references are written docker://HOST/REPO[:TAG]");
        var colon = text.IndexOf(':');
        if (colon > 0 && text[..colon] is "dir" or "containers-storage" or "ostree" or "sif" or "tarball")
            throw new ImageReferenceException(text, $"the {text[..colon]}: transport is not supported (use docker-archive:, oci:, oci-archive:, docker-daemon: or docker://)");
        return new ImageNameReference(DockerImageName.Parse(text));
    }

    private static string? StripPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;

    private static (string Path, string? Selector) SplitPath(string text, string rest)
    {
        var colon = rest.IndexOf(':');
        var path = colon < 0 ? rest : rest[..colon];
        var selector = colon < 0 ? null : rest[(colon + 1)..];
        if (path.Length == 0)
            throw new ImageReferenceException(text, "names no file or folder after the transport");
        if (selector is { Length: 0 })
            throw new ImageReferenceException(text, "has an empty tag after the path");
        return (path, selector);
    }
}

/// <summary><c>docker-archive:PATH[:NAME:TAG|:@N]</c>: a <c>docker save</c> archive, optionally naming one of its images.</summary>
public sealed record DockerArchiveReference(string Path, DockerImageName? Image, int? ImageIndex) : ImageReference
{
    public override string Transport => "docker-archive";

    public override string ToString() =>
        "docker-archive:" + Path + (Image is not null ? ":" + Image : ImageIndex is { } index ? ":@" + index : "");
}

/// <summary><c>oci:DIR[:TAG]</c>: an OCI image layout folder; the tag is matched against org.opencontainers.image.ref.name.</summary>
public sealed record OciLayoutReference(string Directory, string? Tag) : ImageReference
{
    public override string Transport => "oci";

    public override string ToString() => "oci:" + Directory + (Tag is null ? "" : ":" + Tag);
}

/// <summary><c>oci-archive:PATH[:TAG]</c>: an OCI image layout packed in a tar file.</summary>
public sealed record OciArchiveReference(string Path, string? Tag) : ImageReference
{
    public override string Transport => "oci-archive";

    public override string ToString() => "oci-archive:" + Path + (Tag is null ? "" : ":" + Tag);
}

/// <summary><c>docker-daemon:NAME[:TAG]</c> or <c>docker-daemon:sha256:ID</c>: an image in the local Docker engine.</summary>
public sealed record DockerDaemonReference(DockerImageName? Name, BlobDigest? ImageId) : ImageReference
{
    public override string Transport => "docker-daemon";

    public override string ToString() => "docker-daemon:" + (Name?.ToString() ?? ImageId!.ToString());
}

/// <summary><c>docker://HOST/REPO[:TAG|@DIGEST]</c>: an image in an OCI-distribution registry.</summary>
public sealed record RegistryReference(DockerImageName Name) : ImageReference
{
    public override string Transport => "docker";

    public override string ToString() => "docker://" + Name;
}

/// <summary>A bare image name (<c>myapp:1.2</c>): the local Docker engine first, then the registry.</summary>
public sealed record ImageNameReference(DockerImageName Name) : ImageReference
{
    public override string Transport => "";

    public override string ToString() => Name.ToString();
}
