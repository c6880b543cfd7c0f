using System.Security.Cryptography;

namespace Stagecraft.Images.Layers;

/// <summary>A content digest as image manifests write it: <c>sha256:</c> or <c>sha512:</c> followed by lowercase hex.</summary>
public sealed record BlobDigest
{
    private BlobDigest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>"sha256" or "sha512".</summary>
    public string Algorithm { get; }

    /// <summary>The hash as lowercase hex.</summary>
    public string Hex { get; }

    /// <summary>The first 12 hex digits, as <c>docker images</c> shows an id.</summary>
    public string Short => Hex[..12];

    public override string ToString() => Algorithm + ":" + Hex;

    /// <summary>Parses <c>algorithm:hex</c>; only the algorithms OCI registers (sha256, sha512) with hex of the right length are accepted.</summary>
    public static bool TryParse(string? text, out BlobDigest digest)
    {
        digest = null!;
        if (text is null)
            return false;
        var colon = text.IndexOf(':');
        if (colon < 0)
            return false;
        var algorithm = text[..colon];
        var hexLength = algorithm switch
        {
            "sha256" => 64,
            "sha512" => 128,
            _ => 0,
        };
        var hex = text.AsSpan(colon + 1);
        if (hexLength == 0 || hex.Length != hexLength || hex.ContainsAnyExcept("0123456789abcdef"))
            return false;
        digest = new BlobDigest(algorithm, hex.ToString());
        return true;
    }

    /// <summary>True when the text names an algorithm this reader cannot check (so the error can say so instead of "malformed").</summary>
    internal static bool HasUnknownAlgorithm(string text)
    {
        var colon = text.IndexOf(':');
        return colon > 0 && text[..colon] is not ("sha256" or "sha512");
    }

    internal IncrementalHash CreateHash() => CreateHash(Algorithm);

    internal static IncrementalHash CreateHash(string algorithm) =>
        IncrementalHash.CreateHash(algorithm == "sha512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256);

    internal static BlobDigest FromHash(string algorithm, ReadOnlySpan<byte> hash) => new(algorithm, Convert.ToHexStringLower(hash));

    /// <summary>The sha256 digest of a whole buffer (small JSON blobs).</summary>
    internal static BlobDigest Compute(string algorithm, ReadOnlySpan<byte> bytes)
    {
        using var hash = CreateHash(algorithm);
        hash.AppendData(bytes);
        Span<byte> result = stackalloc byte[64];
        var length = hash.GetHashAndReset(result);
        return FromHash(algorithm, result[..length]);
    }
}
