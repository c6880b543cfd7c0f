using Stagecraft.Images.Layers;

namespace Stagecraft.Images.Sources;

/// <summary>An image reference or platform the user typed that cannot be understood.</summary>
public sealed class ImageReferenceException(string text, string problem)
    : StagecraftException(ImageReadException.OneLine(text) + ": " + ImageReadException.OneLine(problem))
{
    /// <summary>The text as the user typed it.</summary>
    public string Text { get; } = text;
}

/// <summary>An archive, layout, manifest or config that is not what it claims to be: missing files, invalid JSON, paths leading outside.</summary>
public sealed class ImageFormatException(string where, string problem, Exception? inner = null)
    : ImageReadException(where, problem, inner);

/// <summary>The image the user asked for is not in the archive or layout: no such tag, no image for the platform, several to choose from.</summary>
public sealed class ImageSelectionException(string where, string problem)
    : ImageReadException(where, problem, null);

/// <summary>A transport this build cannot open yet (the Docker engine and registries come in a later version).</summary>
public sealed class ImageSourceNotSupportedException(string reference, string problem)
    : StagecraftException(reference + ": " + problem);
