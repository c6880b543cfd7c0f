namespace Stagecraft.Generation;

/// <summary>Choices the user makes instead of detection (the flags of <c>stagecraft init</c>); null means "detect".</summary>
public sealed record PlanOptions
{
    public static PlanOptions None { get; } = new();

    public Stack? Stack { get; init; }

    /// <summary>The runtime version: precise (<c>22.11.0</c>) or a line (<c>22</c>, <c>3.12</c>) resolved to its newest known release.</summary>
    public string? Version { get; init; }

    public int? Port { get; init; }

    /// <summary>The command the image runs, split into words as a shell would (quotes kept together).</summary>
    public IReadOnlyList<string>? Start { get; init; }

    /// <summary>The base image of the final stage, used as given.</summary>
    public string? BaseImage { get; init; }

    public PackageManagerKind? PackageManager { get; init; }
}
