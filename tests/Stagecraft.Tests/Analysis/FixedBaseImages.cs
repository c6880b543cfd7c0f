using Stagecraft.Semantics;

namespace Stagecraft.Tests.Analysis;

/// <summary>A base-image lookup that knows a fixed list of images, each with one platform, as a single-platform tag has.</summary>
internal sealed class FixedBaseImages(IReadOnlyDictionary<string, Platform> images) : IBaseImageLookup
{
    public List<(string Reference, Platform Requested)> Asked { get; } = [];

    public BaseImageMetadata? Find(string reference, Platform requested)
    {
        Asked.Add((reference, requested));
        return images.TryGetValue(reference, out var platform) ? new BaseImageMetadata(reference, platform, "the test's image list") : null;
    }

    /// <summary>Reads <c>REFERENCE OS/ARCH[/VARIANT]</c> lines; blank lines and <c>#</c> comments are skipped.</summary>
    public static FixedBaseImages Read(string path)
    {
        var images = new Dictionary<string, Platform>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Platform.TryParse(parts[1], out var platform))
                throw new InvalidOperationException($"{path}: expected REFERENCE OS/ARCH, got \"{line}\"");
            images[parts[0]] = platform!;
        }
        return new FixedBaseImages(images);
    }
}
