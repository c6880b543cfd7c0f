namespace Stagecraft.Images.Policy;

/// <summary>
/// The budgets and bans one image is checked against. A null (or empty) setting is not checked. Sizes are bytes.
/// Settings from several places stack with <see cref="Over"/>: a flag overrides a matching pattern's entry, which
/// overrides the policy's defaults.
/// </summary>
public sealed record ImagePolicy
{
    public static ImagePolicy Empty { get; } = new();

    /// <summary>Uncompressed: file data all layers ship (<c>docker image inspect</c>'s Size, what <c>docker images</c> shows).</summary>
    public long? MaxSize { get; init; }

    /// <summary>Compressed: the stored layer blobs, what a registry keeps and a pull moves.</summary>
    public long? MaxCompressedSize { get; init; }

    public int? MaxLayers { get; init; }

    /// <summary>Build tool names (gcc, make, npm, dotnet-sdk) as <c>stagecraft inspect</c> reports them.</summary>
    public IReadOnlyList<string>? ForbidTools { get; init; }

    /// <summary>OS package names; <c>*</c> matches any run of characters (<c>gcc-*</c>).</summary>
    public IReadOnlyList<string>? ForbidPackages { get; init; }

    public bool? RequireNonRoot { get; init; }

    public bool? RequireHealthcheck { get; init; }

    /// <summary>dive's efficiency score, 0 to 1; the image passes at or above it.</summary>
    public double? MinEfficiency { get; init; }

    /// <summary>Bytes shipped and then overwritten or deleted by a later layer.</summary>
    public long? MaxReclaimable { get; init; }

    public bool? ForbidSecrets { get; init; }

    /// <summary>Where each setting came from (a flag, file:line), by rule id; reports show it.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public bool IsEmpty => MaxSize is null && MaxCompressedSize is null && MaxLayers is null && ForbidTools is not { Count: > 0 }
        && ForbidPackages is not { Count: > 0 } && RequireNonRoot is not true && RequireHealthcheck is not true
        && MinEfficiency is null && MaxReclaimable is null && ForbidSecrets is not true;

    /// <summary>This policy's settings, and <paramref name="lower"/>'s where this one has none.</summary>
    public ImagePolicy Over(ImagePolicy lower)
    {
        var sources = new Dictionary<string, string>(lower.Sources);
        foreach (var (rule, source) in Sources)
            sources[rule] = source;
        return new ImagePolicy
        {
            MaxSize = MaxSize ?? lower.MaxSize,
            MaxCompressedSize = MaxCompressedSize ?? lower.MaxCompressedSize,
            MaxLayers = MaxLayers ?? lower.MaxLayers,
            ForbidTools = ForbidTools ?? lower.ForbidTools,
            ForbidPackages = ForbidPackages ?? lower.ForbidPackages,
            RequireNonRoot = RequireNonRoot ?? lower.RequireNonRoot,
            RequireHealthcheck = RequireHealthcheck ?? lower.RequireHealthcheck,
            MinEfficiency = MinEfficiency ?? lower.MinEfficiency,
            MaxReclaimable = MaxReclaimable ?? lower.MaxReclaimable,
            ForbidSecrets = ForbidSecrets ?? lower.ForbidSecrets,
            Sources = sources,
        };
    }
}
