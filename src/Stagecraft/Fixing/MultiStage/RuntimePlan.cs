using Stagecraft.Analysis;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>What a stack recipe decides: the runtime base and what to copy into it, plus any change the builder needs.</summary>
/// <param name="BaseImage">The runtime stage's FROM image.</param>
/// <param name="Copies">The paths copied from the builder, in order.</param>
/// <param name="Summary">A few words for the fix title (<c>static Go binary on distroless</c>).</param>
internal sealed record RuntimePlan(string BaseImage, IReadOnlyList<StageCopy> Copies, string Summary)
{
    /// <summary>Edits inside the builder's existing instructions (adding <c>CGO_ENABLED=0</c>).</summary>
    public IReadOnlyList<TextEdit> BuilderEdits { get; init; } = [];

    /// <summary>Instructions appended to the builder after its last kept instruction (pruning dev dependencies).</summary>
    public IReadOnlyList<string> BuilderTail { get; init; } = [];

    /// <summary>How the runtime base installs OS packages: "apt", "apk", or null when it cannot (distroless, scratch).</summary>
    public string? PackageManager { get; init; }

    /// <summary>
    /// The USER the runtime stage gets when the file sets none: scratch has no root account to fall back on sensibly,
    /// so the binary runs as distroless' unprivileged uid, as <c>stagecraft init</c>'s Go images do.
    /// </summary>
    public string? UserWhenUnset { get; init; }

    /// <summary>True when the runtime base has /bin/sh.</summary>
    public bool HasShell { get; init; } = true;
}
