namespace Stagecraft.Images;

/// <summary>The parts of an image's configuration (OCI image config / Docker container config) that users ask about.</summary>
public sealed record ImageConfig
{
    public string? Os { get; init; }
    public string? Architecture { get; init; }
    public string? Variant { get; init; }
    public DateTimeOffset? Created { get; init; }

    /// <summary>The USER, as written ("" or null when none: the container runs as root).</summary>
    public string? User { get; init; }

    public IReadOnlyList<string> Env { get; init; } = [];
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<string>? Cmd { get; init; }
    public string? WorkingDir { get; init; }

    /// <summary>Exposed ports as the config keys them, e.g. "8080/tcp".</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public ImageHealthcheck? Healthcheck { get; init; }
    public IReadOnlyList<string>? Shell { get; init; }
    public string? StopSignal { get; init; }

    /// <summary>The diff ids (sha256 of each uncompressed layer), bottom layer first.</summary>
    public IReadOnlyList<string> DiffIds { get; init; } = [];

    /// <summary>The history, one entry per build step; entries with <see cref="ImageHistoryEntry.EmptyLayer"/> made no layer.</summary>
    public IReadOnlyList<ImageHistoryEntry> History { get; init; } = [];
}

/// <summary>A HEALTHCHECK from the image config; <see cref="Test"/> is as stored (["CMD-SHELL", "..."], ["CMD", ...] or ["NONE"]).</summary>
public sealed record ImageHealthcheck(IReadOnlyList<string> Test, TimeSpan? Interval, TimeSpan? Timeout, TimeSpan? StartPeriod, int? Retries);

/// <summary>One history entry of an image config.</summary>
public sealed record ImageHistoryEntry(DateTimeOffset? Created, string? CreatedBy, string? Comment, bool EmptyLayer);
