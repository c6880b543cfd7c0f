using System.Collections.Concurrent;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources.Registry;
using Stagecraft.Semantics;

namespace Stagecraft.Images.Sources;

/// <summary>
/// Looks up the digest of the manifest or index a tag points to in its registry: the digest <c>docker pull</c> prints,
/// which pins every platform of a multi-platform image at once. Only the top manifest is read (checked against the
/// registry's Docker-Content-Digest). Each reference is asked once per run; failures become notes and leave the tag
/// without a digest, so a fix never fails because a registry is unreachable.
/// </summary>
public sealed class RegistryDigests : IImageDigestLookup
{
    private readonly RegistrySettings _settings;
    private readonly bool _insecure;
    private readonly CancellationToken _cancellation;
    private readonly ConcurrentDictionary<string, Lazy<string?>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notes = new();

    public RegistryDigests(bool insecure = false, CancellationToken cancellation = default)
        : this(ImageSourceEnvironment.Default.Registry, insecure, cancellation)
    {
    }

    internal RegistryDigests(RegistrySettings settings, bool insecure, CancellationToken cancellation)
    {
        _settings = settings;
        _insecure = insecure;
        _cancellation = cancellation;
    }

    /// <summary>What could not be looked up and why, one line each, in the order it happened.</summary>
    public IReadOnlyList<string> Notes => [.. _notes];

    public string? DigestOf(string reference) =>
        _answers.GetOrAdd(reference, key => new Lazy<string?>(() => Look(key))).Value;

    private string? Look(string reference)
    {
        DockerImageName name;
        try
        {
            name = DockerImageName.Parse(reference);
        }
        catch (ImageReferenceException)
        {
            return null;
        }
        if (name.Digest is not null)
            return name.Digest.ToString();
        var where = name.ToString();
        try
        {
            using var client = new RegistryClient(RegistryEndpoint.For(name.Registry), name.Repository, where, _settings, _insecure, _cancellation, []);
            var (body, _, header) = client.GetManifest(name.Tag ?? "latest", where);
            var actual = BlobDigest.Compute("sha256", body);
            if (header is not null && BlobDigest.TryParse(header.Trim(), out var announced)
                && BlobDigest.Compute(announced.Algorithm, body) != announced)
            {
                throw new DigestMismatchException(where, $"has digest {BlobDigest.Compute(announced.Algorithm, body)} but the registry's Docker-Content-Digest says {announced}");
            }
            return actual.ToString();
        }
        catch (ImageReadException e)
        {
            _notes.Enqueue($"no digest for {reference}: {e.Message}");
            return null;
        }
    }
}
