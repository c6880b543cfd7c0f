namespace Stagecraft.Images.Inspection;

/// <summary>
/// Lines the config's history up with the layers: an entry marked <c>empty_layer</c> made no layer, every other entry
/// made the next layer, bottom first (as <c>docker history</c> reads it). A history that does not add up is used as far
/// as it goes, with a note, because some builders write incomplete histories.
/// </summary>
internal static class HistoryLayers
{
    /// <summary>The history with each entry's layer (null for an empty entry, or one past the last layer).</summary>
    public static HistoryStep[] Map(IReadOnlyList<ImageHistoryEntry> history, int layerCount, List<string> notes)
    {
        var steps = new HistoryStep[history.Count];
        var next = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i];
            int? layer = null;
            if (!entry.EmptyLayer && next < layerCount)
                layer = next;
            if (!entry.EmptyLayer)
                next++;
            steps[i] = new HistoryStep(i, entry.Created, entry.CreatedBy, entry.Comment, entry.EmptyLayer, layer, null);
        }

        if (history.Count == 0 && layerCount > 0)
            notes.Add("the image config has no history, so no layer says which step made it");
        else if (next != layerCount)
            notes.Add($"the history lists {Count(next, "step")} that made a layer but the image has {Count(layerCount, "layer")}; " +
                ((next - layerCount) switch
                {
                    1 => "the last step is left without a layer",
                    > 1 => $"the last {next - layerCount} steps are left without a layer",
                    -1 => "the top layer has no step",
                    _ => $"the top {layerCount - next} layers have no step",
                }) +
                " (steps were matched to layers from the bottom)");
        return steps;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
