using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>The runtime base for interpreters: the slim variant of the builder's own image (same version, same family).</summary>
internal static class SmallerVariant
{
    /// <summary>The slim variant, the image itself when it is already slim or Alpine, or null when it is not the official <paramref name="official"/> image.</summary>
    public static string? Of(ImageReference? image, string official)
    {
        if (image is null || image.OfficialName != official || image.Digest is not null)
            return null;
        if (BaseImageVariants.Suggest(image) is { } suggestion)
            return suggestion.Alternatives[0].Image;
        var tag = image.EffectiveTag;
        return tag.Contains("slim", StringComparison.Ordinal) || tag.Contains("alpine", StringComparison.Ordinal) ? image.ToString() : null;
    }

    /// <summary>How the image installs OS packages.</summary>
    public static string PackageManagerOf(string image) => image.Contains("alpine", StringComparison.Ordinal) ? "apk" : "apt";
}
