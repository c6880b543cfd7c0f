using Stagecraft.Images;
using Stagecraft.Images.Inspection;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>History entries marked empty_layer own no layer; the others take the layers in order; a history that does not add up gives a note.</summary>
public sealed class HistoryLayersTests
{
    private static ImageHistoryEntry Step(string createdBy, bool empty = false) => new(null, createdBy, null, empty);

    [Fact]
    public void Empty_entries_own_no_layer_and_the_rest_take_the_layers_in_order()
    {
        var notes = new List<string>();

        var steps = HistoryLayers.Map([Step("ADD base"), Step("CMD", empty: true), Step("RUN a"), Step("ENV", empty: true), Step("RUN b")], 3, notes);

        Assert.Equal([0, null, 1, null, 2], steps.Select(s => s.Layer));
        Assert.Equal([0, 1, 2, 3, 4], steps.Select(s => s.Index));
        Assert.Equal("RUN b", steps[4].CreatedBy);
        Assert.True(steps[1].EmptyLayer);
        Assert.Empty(notes);
    }

    [Fact]
    public void More_steps_than_layers_leave_the_last_steps_without_one()
    {
        var notes = new List<string>();

        var steps = HistoryLayers.Map([Step("ADD base"), Step("RUN a"), Step("RUN b")], 2, notes);

        Assert.Equal([0, 1, null], steps.Select(s => s.Layer));
        Assert.Equal("the history lists 3 steps that made a layer but the image has 2 layers; the last step is left without a layer (steps were matched to layers from the bottom)", Assert.Single(notes));
    }

    [Fact]
    public void Fewer_steps_than_layers_leave_the_top_layers_without_one()
    {
        var notes = new List<string>();

        var steps = HistoryLayers.Map([Step("ADD base"), Step("CMD", empty: true)], 3, notes);

        Assert.Equal([0, null], steps.Select(s => s.Layer));
        Assert.Equal("the history lists 1 step that made a layer but the image has 3 layers; the top 2 layers have no step (steps were matched to layers from the bottom)", Assert.Single(notes));
    }

    [Fact]
    public void No_history_at_all_says_so()
    {
        var notes = new List<string>();

        Assert.Empty(HistoryLayers.Map([], 2, notes));
        Assert.Equal("the image config has no history, so no layer says which step made it", Assert.Single(notes));
    }
}
