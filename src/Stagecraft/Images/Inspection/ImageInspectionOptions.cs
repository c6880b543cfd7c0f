using Stagecraft.Images.Sources;
using Stagecraft.Semantics;

namespace Stagecraft.Images.Inspection;

/// <summary>How to inspect an image: how to read it, and the Dockerfile (if any) its steps are mapped back to.</summary>
public sealed record ImageInspectionOptions
{
    public static ImageInspectionOptions Default { get; } = new();

    /// <summary>
    /// Platform, limits, progress and cancellation. The inspector adds the files the facts need to
    /// <see cref="ImageReadOptions.ContentWanted"/> and raises the per-file content limit to what they allow.
    /// </summary>
    public ImageReadOptions Read { get; init; } = ImageReadOptions.Default;

    /// <summary>The Dockerfile the image was built from; its target stage and the stages that stage is built on are matched to the history.</summary>
    public SemanticModel? Dockerfile { get; init; }
}
