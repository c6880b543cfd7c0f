namespace Stagecraft.Semantics;

/// <summary>What is known about a base image without building on it: the platform its config declares, and where that was read.</summary>
/// <param name="Reference">The image as FROM names it after expansion.</param>
/// <param name="Platform">The OS and architecture of the image the build would use.</param>
/// <param name="Source">Where the metadata came from, for messages ("the Docker engine", "registry 127.0.0.1:5000").</param>
public sealed record BaseImageMetadata(string Reference, Platform Platform, string Source);

/// <summary>
/// Finds base images' metadata for rules that need it (BuildKit's InvalidBaseImagePlatform). A lint is offline by default
/// and uses <see cref="BaseImageLookup.None"/>: those rules stay quiet unless the user asks for images to be looked up.
/// </summary>
public interface IBaseImageLookup
{
    /// <summary>The image a build for <paramref name="requested"/> would use for <paramref name="reference"/>, or null when it cannot be told.</summary>
    BaseImageMetadata? Find(string reference, Platform requested);
}

public static class BaseImageLookup
{
    /// <summary>Knows no image.</summary>
    public static IBaseImageLookup None { get; } = new Nothing();

    private sealed class Nothing : IBaseImageLookup
    {
        public BaseImageMetadata? Find(string reference, Platform requested) => null;
    }
}
