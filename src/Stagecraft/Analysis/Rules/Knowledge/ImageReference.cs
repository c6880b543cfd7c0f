namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// An image reference (<c>[registry/]repository[:tag][@digest]</c>) split the way Docker reads it: the first path
/// component is a registry only when it has a dot or a port, or is <c>localhost</c>.
/// </summary>
internal sealed record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    private static readonly string[] HubRegistries = ["docker.io", "index.docker.io", "registry-1.docker.io"];

    /// <summary>The last path component of the repository: <c>node</c>, <c>static-debian12</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    public bool IsDockerHub => Registry is null || HubRegistries.Contains(Registry);

    /// <summary>The name of a Docker Hub official image (<c>node</c>, <c>library/node</c>, <c>docker.io/library/node</c>), else null.</summary>
    public string? OfficialName =>
        IsDockerHub && (!Repository.Contains('/') || (Repository.StartsWith("library/", StringComparison.Ordinal) && Repository.Count(c => c == '/') == 1))
            ? Name : null;

    /// <summary>The repository with its registry, as written (lower-cased): <c>gcr.io/distroless/static</c>.</summary>
    public string FullRepository { get; } = Registry is null ? Repository : Registry + "/" + Repository;

    /// <summary>The tag Docker uses: the written tag, or <c>latest</c> when there is neither tag nor digest.</summary>
    public string EffectiveTag => Tag ?? (Digest is null ? "latest" : "");

    /// <summary>The same reference with another tag (and no digest).</summary>
    public string WithTag(string tag) => FullRepository + ":" + tag;

    public override string ToString() => FullRepository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>Splits an expanded reference; null when it is empty or still holds variables, blanks or other stray characters.</summary>
    public static ImageReference? Parse(string reference)
    {
        var text = reference.Trim();
        if (text.Length == 0 || text.AsSpan().IndexOfAny(" \t$\"'{}") >= 0)
            return null;
        string? digest = null;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
        }
        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
            if (tag.Length == 0)
                return null;
        }
        string? registry = null;
        var slash = text.IndexOf('/');
        if (slash > 0)
        {
            var first = text[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                registry = first.ToLowerInvariant();
                text = text[(slash + 1)..];
            }
        }
        if (text.Length == 0 || (digest is not null && digest.Length == 0))
            return null;
        return new ImageReference(registry, text.ToLowerInvariant(), tag, digest);
    }
}
