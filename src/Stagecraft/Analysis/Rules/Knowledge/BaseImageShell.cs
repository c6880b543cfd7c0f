using Stagecraft.Semantics;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>What the root image of a stage tells about its /bin/sh.</summary>
internal static class BaseImageShell
{
    /// <summary>
    /// True when the stage is built on Alpine or BusyBox (as far as the image name shows), whose /bin/sh and wget are
    /// BusyBox's: ash rather than bash, and a wget without GNU's options.
    /// </summary>
    public static bool IsBusyBox(Stage stage)
    {
        var root = stage;
        for (var guard = 0; root.Base.Stage is { } below && guard < 1000; guard++)
            root = below;
        var reference = root.Base.Reference;
        return reference.Contains("alpine", StringComparison.OrdinalIgnoreCase) || reference.Contains("busybox", StringComparison.OrdinalIgnoreCase);
    }
}
