namespace Stagecraft.Images.Inspection;

/// <summary>One entry of the image config's history, with the layer it made and, with a Dockerfile, the instruction it came from.</summary>
/// <param name="Index">Position in the config's history, from 0.</param>
/// <param name="EmptyLayer">The entry says it made no layer (<c>empty_layer</c>: ENV, CMD, LABEL and other metadata steps).</param>
/// <param name="Layer">The layer the entry made; null for an empty entry, or when the history and the layers do not line up.</param>
/// <param name="Instruction">The Dockerfile instruction it came from; null without a Dockerfile or when none matches.</param>
public sealed record HistoryStep(
    int Index,
    DateTimeOffset? Created,
    string? CreatedBy,
    string? Comment,
    bool EmptyLayer,
    int? Layer,
    DockerfileInstruction? Instruction)
{
    /// <summary>The step as a short instruction for people ("RUN apt-get update", "COPY file:ce026b62356e… in /app"); null when the entry has no <c>created_by</c>.</summary>
    public string? Summary => string.IsNullOrWhiteSpace(CreatedBy) ? null : BuildStep.Display(CreatedBy);
}
