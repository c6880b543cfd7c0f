namespace Stagecraft.Images.Sources;

/// <summary>One image an index or archive offers; its platform comes from the index entry or, failing that, from its config (read only when needed).</summary>
internal sealed class ImageCandidate<T>(T value, ImagePlatform? declared, Func<ImagePlatform?> load)
{
    private ImagePlatform? _platform = declared;
    private bool _loaded = declared is not null;

    public T Value { get; } = value;

    public ImagePlatform? Platform
    {
        get
        {
            if (!_loaded)
            {
                _platform = load();
                _loaded = true;
            }
            return _platform;
        }
    }
}

/// <summary>Why a platform was chosen, for the note the user sees.</summary>
internal enum PlatformChoice
{
    Only,
    Host,
    Requested,
}

/// <summary>Picks one image out of several by platform: the one asked for, else this machine's, else the only one present.</summary>
internal static class PlatformSelection
{
    public static (T Value, PlatformChoice Choice, int Count) Choose<T>(IReadOnlyList<ImageCandidate<T>> candidates, ImagePlatform? wanted, string where)
    {
        if (wanted is not null)
        {
            var match = Best(candidates, wanted)
                ?? throw new ImageSelectionException(where, $"has no {wanted} image (it has {List(candidates)})");
            return (match.Value, PlatformChoice.Requested, candidates.Count);
        }
        if (candidates.Count == 1)
            return (candidates[0].Value, PlatformChoice.Only, 1);
        var host = Best(candidates, ImagePlatform.Host)
            ?? throw new ImageSelectionException(where, $"has no image for this machine's platform {ImagePlatform.Host} (it has {List(candidates)}); choose one with --platform");
        return (host.Value, PlatformChoice.Host, candidates.Count);
    }

    public static string Note(PlatformChoice choice, ImagePlatform actual, int count) => choice switch
    {
        PlatformChoice.Requested => $"platform {actual}, as asked",
        PlatformChoice.Host => $"platform {actual}, this machine's, chosen out of {count}",
        _ when actual.Satisfies(ImagePlatform.Host) => $"platform {actual}, the only one in the image",
        _ => $"platform {actual}, the only one in the image (this machine is {ImagePlatform.Host})",
    };

    /// <summary>An exact variant match wins over a candidate that merely satisfies the wanted platform.</summary>
    private static ImageCandidate<T>? Best<T>(IReadOnlyList<ImageCandidate<T>> candidates, ImagePlatform wanted)
    {
        ImageCandidate<T>? first = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Platform is not { } platform || !platform.Satisfies(wanted))
                continue;
            if (platform.Normalized().Variant == wanted.Normalized().Variant)
                return candidate;
            first ??= candidate;
        }
        return first;
    }

    private static string List<T>(IReadOnlyList<ImageCandidate<T>> candidates) =>
        string.Join(", ", candidates.Select(c => c.Platform?.ToString() ?? "an image of unknown platform").Distinct());
}
