using Stagecraft.Images.Files;
using static Stagecraft.Tests.Images.Files.Support.Entries;

namespace Stagecraft.Tests.Images.Files;

/// <summary>dive's counting, flaws included, on hand-built layers whose figures are worked out in each test.</summary>
public class DiveCompatibleTests
{
    [Fact]
    public void The_surviving_copy_counts_as_waste_too()
    {
        var dive = Index([File("/a", 10), File("/b", 30)], [File("/a", 10)]).DiveCompatible;
        // /a: occurrences 10 + 10, smallest 10; /b: 30. Score (10 + 30) / (20 + 30).
        Assert.Equal(20, dive.InefficientBytes);
        Assert.Equal(40.0 / 50, dive.EfficiencyScore);
        Assert.Equal(20.0 / 10, dive.UserWastedPercent);
        Assert.Equal([new DiveInefficiency("/a", 2, 20)], dive.Inefficiencies);
    }

    [Fact]
    public void A_deleted_directory_weighs_its_subtree_and_a_deleted_file_nothing()
    {
        var dive = Index(
            [Dir("/d"), File("/d/x", 3), File("/d/y", 4), File("/f", 5)],
            [Dir("/d"), File("/d/x", 3)],
            [Whiteout("/d"), Whiteout("/f")]).DiveCompatible;
        // /d/x: 3 + 3; /d/y: 4; /f: 5 then its whiteout 0; /d (a leaf only as a whiteout): 3 + 4 as stacked below.
        Assert.Equal(6 + 5, dive.InefficientBytes);
        Assert.Equal((3.0 + 4 + 0 + 7) / (6 + 4 + 5 + 7), dive.EfficiencyScore);
        Assert.Equal([new DiveInefficiency("/d/x", 2, 6), new DiveInefficiency("/f", 2, 5)], dive.Inefficiencies);
    }

    [Fact]
    public void Opaque_markers_are_ignored_so_hidden_files_still_weigh_in_a_later_whiteout()
    {
        var index = Index(
            [Dir("/o"), File("/o/a", 5)],
            [Dir("/o"), Opaque("/o")],
            [Whiteout("/o")]);
        var dive = index.DiveCompatible;
        // Layer 1's /o is an empty-directory leaf (0); layer 2's whiteout of /o weighs the /o/a dive never hid (5).
        Assert.Equal([new DiveInefficiency("/o", 2, 5)], dive.Inefficiencies);
        Assert.Equal((5.0 + 0) / (5 + 5), dive.EfficiencyScore);
        // The merged view did hide /o/a in layer 1.
        Assert.Equal(new ReclaimableFile("/o/a", 0, 1, 5, ReclaimReason.HiddenByOpaqueDirectory), Assert.Single(index.ReclaimableFiles));
    }

    [Fact]
    public void A_whiteout_of_a_missing_path_ends_its_layers_visit_and_counts_minus_one()
    {
        var dive = Index(
            [File("/a", 1)],
            [Whiteout("/zz"), File("/.a", 2), File("/b", 3)]).DiveCompatible;
        // dive visits "/.a" < "/.wh.zz" < "/b": /.a counts, the failed lookup enters /zz with -1, /b is never visited.
        Assert.Equal((1.0 + 2 - 1) / (1 + 2), dive.EfficiencyScore);
        Assert.Equal(0, dive.InefficientBytes);
        Assert.Equal(5, dive.LayerSizes[1]);
    }

    [Fact]
    public void The_bottom_layers_whiteouts_are_looked_up_in_the_bottom_layer_itself()
    {
        var dive = Index([Dir("/d"), File("/d/f", 4), Whiteout("/d")], [File("/d/f", 4)]).DiveCompatible;
        // The whiteout of /d finds /d in the same layer, a directory holding 4 bytes; /d/f: 4 + 4.
        Assert.Equal(8, dive.InefficientBytes);
        Assert.Equal((4.0 + 4) / (8 + 4), dive.EfficiencyScore);
        var implied = Index([File("/d/f", 4), Whiteout("/d")], [File("/d/f", 4)]).DiveCompatible;
        // Without an entry for /d, dive's node for it has no directory flag: the whiteout weighs 0.
        Assert.Equal((4.0 + 0) / (8 + 0), implied.EfficiencyScore);
    }

    [Theory]
    [InlineData("a", 3, 4.0 / 6)]
    [InlineData("+a", 0, 1.0)]
    public void A_layer_that_deletes_and_ships_one_path_applies_them_in_dives_name_order(string name, long inefficient, double score)
    {
        var dive = Index(
            [Dir($"/{name}"), File($"/{name}/x", 1)],
            [Whiteout($"/{name}"), Dir($"/{name}"), File($"/{name}/y", 2)],
            [Whiteout($"/{name}")]).DiveCompatible;
        // "a" sorts after ".wh.a": deleted, then shipped again; the last whiteout weighs /a/y (2), after 1 for /a/x.
        // "+a" sorts before ".wh.+a": shipped, then deleted; the last whiteout finds nothing (and ends the visit).
        Assert.Equal(inefficient, dive.InefficientBytes);
        Assert.Equal(score, dive.EfficiencyScore);
    }

    [Fact]
    public void Equal_sizes_list_the_path_that_became_inefficient_last_first()
    {
        var dive = Index([File("/b", 5), File("/a", 5), File("/c", 5)], [File("/c", 5)], [File("/b", 5), File("/a", 5)]).DiveCompatible;
        // /c in layer 1; /a then /b (dive's name order) in layer 2.
        Assert.Equal(["/b", "/a", "/c"], dive.Inefficiencies.Select(i => i.Path));
    }

    [Fact]
    public void Layer_sizes_count_a_path_shipped_twice_in_one_layer_twice_but_dive_sees_it_once()
    {
        var dive = Index([File("/a", 5), File("/a", 7)], [File("/b", 1)]).DiveCompatible;
        Assert.Equal([12L, 1L], dive.LayerSizes);
        Assert.Equal(13, dive.SizeBytes);
        Assert.Equal(1, dive.UserSizeBytes);
        Assert.Equal(1.0, dive.EfficiencyScore);
    }

    [Fact]
    public void A_one_layer_image_has_no_user_size_so_the_percent_is_not_a_number_as_in_dive()
    {
        var dive = Index([File("/a", 5)]).DiveCompatible;
        Assert.True(double.IsNaN(dive.UserWastedPercent));
        Assert.Equal(1.0, Index().DiveCompatible.EfficiencyScore);
    }
}
