namespace Stagecraft.Semantics;

/// <summary>
/// Finds the digest a registry gives for an image tag, so a fix can pin a base image to it
/// (<c>node:20.19.5-slim@sha256:…</c>). Fixes are offline by default and use <see cref="ImageDigestLookup.None"/>.
/// </summary>
public interface IImageDigestLookup
{
    /// <summary>The digest (<c>sha256:…</c>) of the manifest or index <paramref name="reference"/> names, or null when it cannot be told.</summary>
    string? DigestOf(string reference);
}

public static class ImageDigestLookup
{
    /// <summary>Knows no digest.</summary>
    public static IImageDigestLookup None { get; } = new Nothing();

    private sealed class Nothing : IImageDigestLookup
    {
        public string? DigestOf(string reference) => null;
    }
}
