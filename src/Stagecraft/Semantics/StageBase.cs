namespace Stagecraft.Semantics;

/// <summary>What a stage starts from.</summary>
public enum StageBaseKind
{
    /// <summary>An image from a registry or the local store.</summary>
    Image,
    /// <summary>An earlier stage of this Dockerfile.</summary>
    Stage,
    /// <summary>The empty image.</summary>
    Scratch,
}

/// <summary>The base of a stage: the FROM reference after expansion, resolved to an image, an earlier stage or scratch.</summary>
/// <param name="Reference">The image reference with meta ARGs expanded (as written when expansion failed).</param>
public sealed record StageBase(StageBaseKind Kind, string Reference, Stage? Stage);
