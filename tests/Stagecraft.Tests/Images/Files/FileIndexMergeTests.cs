using Stagecraft.Images;
using Stagecraft.Images.Files;
using static Stagecraft.Tests.Images.Files.Support.Entries;

namespace Stagecraft.Tests.Images.Files;

/// <summary>How layers merge: whiteouts, opaque directories, replacements, hard links, duplicates.</summary>
public class FileIndexMergeTests
{
    [Fact]
    public void A_whiteout_deletes_a_file_and_its_bytes_become_reclaimable()
    {
        var index = Index(
            [Dir("/etc"), File("/etc/big", 100), File("/etc/keep", 7)],
            [Whiteout("/etc/big")]);
        Assert.Equal(["/etc d 7", "/etc/keep f 7"], Tree(index));
        Assert.Null(index.Find("/etc/big"));
        Assert.Equal(100, index.ReclaimableBytes);
        Assert.Equal(new ReclaimableFile("/etc/big", 0, 1, 100, ReclaimReason.Deleted), Assert.Single(index.ReclaimableFiles));
        Assert.Equal([new PathChange("/etc/big", PathChangeKind.Removed, LayerEntryKind.File, 100, null)], index.ChangesIn(1));
        Assert.Equal((1, 100L, 100L), (index.Layers[1].RemovedPaths, index.Layers[1].RemovedBytes, index.Layers[1].ObsoletedBytes));
        Assert.Equal(100, index.Layers[0].ReclaimableBytes);
    }

    [Fact]
    public void A_whiteout_of_a_directory_deletes_its_whole_subtree()
    {
        var index = Index(
            [Dir("/d"), File("/d/x", 1), Dir("/d/e"), File("/d/e/y", 2), File("/d/e/z", 4), File("/other", 8)],
            [Whiteout("/d")],
            [File("/d/new", 3)]);
        Assert.Equal(["/d d 3", "/d/new f 3", "/other f 8"], Tree(index));
        Assert.Equal(7, index.ReclaimableBytes);
        Assert.All(index.ReclaimableFiles, f => Assert.Equal((0, 1, ReclaimReason.Deleted), (f.ShippedInLayer, f.ObsoletedInLayer, f.Reason)));
        Assert.Equal(["/d", "/d/e", "/d/e/y", "/d/e/z", "/d/x"], index.ChangesIn(1).Select(c => c.Path));
        Assert.All(index.ChangesIn(1), c => Assert.Equal(PathChangeKind.Removed, c.Kind));
        Assert.Equal((5, 7L), (index.Layers[1].RemovedPaths, index.Layers[1].RemovedBytes));
        // The re-created parent is implied by its new child: no layer shipped an entry for it.
        Assert.Equal([("/d", PathChangeKind.Added), ("/d/new", PathChangeKind.Added)], index.ChangesIn(2).Select(c => (c.Path, c.Kind)));
        Assert.True(index.Find("/d")!.IsImpliedDirectory);
        Assert.Equal(2, index.Find("/d")!.Layer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_opaque_directory_hides_lower_contents_but_keeps_what_its_own_layer_adds(bool markerFirst)
    {
        LayerEntry[] readds = [File("/o/b", 20), File("/o/c", 3)];
        LayerEntry[] upper = markerFirst ? [Dir("/o"), Opaque("/o"), .. readds] : [Dir("/o"), .. readds, Opaque("/o")];
        var index = Index(
            [Dir("/o"), File("/o/a", 1), File("/o/b", 2), Dir("/o/sub"), File("/o/sub/s", 4), File("/p", 5)],
            upper);
        Assert.Equal(["/o d 23", "/o/b f 20", "/o/c f 3", "/p f 5"], Tree(index));
        Assert.Equal(7, index.ReclaimableBytes);
        Assert.All(index.ReclaimableFiles, f => Assert.Equal(ReclaimReason.HiddenByOpaqueDirectory, f.Reason));
        Assert.Equal(
            [("/o", PathChangeKind.Changed), ("/o/a", PathChangeKind.Removed), ("/o/b", PathChangeKind.Changed), ("/o/c", PathChangeKind.Added),
             ("/o/sub", PathChangeKind.Removed), ("/o/sub/s", PathChangeKind.Removed)],
            index.ChangesIn(1).Select(c => (c.Path, c.Kind)));
    }

    [Fact]
    public void An_opaque_marker_alone_makes_its_directory_and_empties_it()
    {
        var index = Index(
            [File("/cache/a", 10), File("/cache/b", 20)],
            [Opaque("/cache")]);
        Assert.Equal(["/cache d 0"], Tree(index));
        Assert.Equal(30, index.ReclaimableBytes);
    }

    [Fact]
    public void A_root_level_opaque_marker_hides_every_lower_path()
    {
        var index = Index(
            [File("/a", 1), Dir("/b"), File("/b/c", 2)],
            [Opaque("/"), File("/d", 4)]);
        Assert.Equal(["/d f 4"], Tree(index));
        Assert.Equal(3, index.ReclaimableBytes);
    }

    [Fact]
    public void A_file_replaced_by_a_directory()
    {
        var index = Index(
            [File("/x", 5), File("/y", 6)],
            [Dir("/x"), File("/x/inner", 1)],
            [File("/y/inner", 2)]);
        Assert.Equal(["/x d 1", "/x/inner f 1", "/y d 2", "/y/inner f 2"], Tree(index));
        Assert.Equal(11, index.ReclaimableBytes);
        Assert.All(index.ReclaimableFiles, f => Assert.Equal(ReclaimReason.Overwritten, f.Reason));
        Assert.Equal([("/x", PathChangeKind.Changed), ("/x/inner", PathChangeKind.Added)], index.ChangesIn(1).Select(c => (c.Path, c.Kind)));
        // No entry for /y in layer 2: the file in the way becomes a directory, with a note.
        Assert.True(index.Find("/y")!.IsImpliedDirectory);
        Assert.Contains(new FileIndexNote(2, "/y", FileIndexNoteKind.NonDirectoryReplacedByParent), index.Notes);
    }

    [Fact]
    public void A_directory_replaced_by_a_file_loses_its_subtree()
    {
        var index = Index(
            [Dir("/x"), File("/x/a", 1), Dir("/x/b"), File("/x/b/c", 2)],
            [File("/x", 7)]);
        Assert.Equal(["/x f 7"], Tree(index));
        Assert.Equal(3, index.ReclaimableBytes);
        Assert.All(index.ReclaimableFiles, f => Assert.Equal(ReclaimReason.DirectoryReplaced, f.Reason));
        Assert.Equal(
            [("/x", PathChangeKind.Changed), ("/x/a", PathChangeKind.Removed), ("/x/b", PathChangeKind.Removed), ("/x/b/c", PathChangeKind.Removed)],
            index.ChangesIn(1).Select(c => (c.Path, c.Kind)));
        Assert.Equal((7L, 3L), (index.Layers[1].ChangedBytes, index.Layers[1].RemovedBytes));
    }

    [Fact]
    public void Hard_links_share_their_data_which_lives_while_any_link_does()
    {
        var index = Index(
            [Dir("/bin"), File("/bin/busybox", 100), HardLink("/bin/sh", "bin/busybox"), HardLink("/bin/ls", "./bin/busybox")],
            [Whiteout("/bin/busybox")],
            [Whiteout("/bin/sh")]);
        // Deleting the original leaves the data reachable through the links; it is freed with the last one.
        Assert.Equal(["/bin d 100", "/bin/ls h 100"], Tree(index));
        Assert.Equal(100, index.TotalSize);
        Assert.Equal(0, index.ReclaimableBytes);
        Assert.Equal("/bin/ls", Assert.Single(index.LargestFiles(5)).Path);

        var gone = Index(
            [File("/a", 100), HardLink("/b", "a"), HardLink("/c", "/a")],
            [Whiteout("/a"), Whiteout("/b")],
            [Whiteout("/c")]);
        Assert.Equal(new ReclaimableFile("/a", 0, 2, 100, ReclaimReason.Deleted), Assert.Single(gone.ReclaimableFiles));
        Assert.Equal([0L, 0L, 100L], gone.Layers.Select(l => l.ObsoletedBytes));
    }

    [Fact]
    public void Hard_links_count_their_data_once_in_totals_and_directory_sizes()
    {
        var index = Index([Dir("/usr"), File("/usr/big", 50), HardLink("/usr/big2", "usr/big"), Dir("/opt"), HardLink("/opt/big3", "usr/big")]);
        Assert.Equal(50, index.TotalSize);
        Assert.Equal(50, index.Find("/usr")!.Size);
        Assert.Equal(0, index.Find("/opt")!.Size);
        Assert.Equal(50, index.Find("/opt/big3")!.Size);
        Assert.Equal(["/usr/big"], index.LargestFiles(10).Select(f => f.Path));
        Assert.Equal(3, index.FileCount);
    }

    [Fact]
    public void Overwriting_a_hard_linked_path_keeps_the_old_data_alive_for_the_other_link()
    {
        var index = Index(
            [File("/a", 10), HardLink("/b", "a")],
            [File("/a", 20)]);
        Assert.Equal(["/a f 20", "/b h 10"], Tree(index));
        Assert.Equal(30, index.TotalSize);
        Assert.Equal(0, index.ReclaimableBytes);
    }

    [Fact]
    public void A_hard_link_to_nothing_counts_no_bytes_and_is_noted()
    {
        var index = Index([HardLink("/lost", "no/such/file"), Dir("/d"), HardLink("/to-dir", "d")]);
        Assert.Equal(0, index.TotalSize);
        Assert.Equal(0, index.Find("/lost")!.Size);
        Assert.Equal(2, index.Notes.Count(n => n.Kind == FileIndexNoteKind.DanglingHardLink));
    }

    [Fact]
    public void A_path_twice_in_one_layer_keeps_the_last_entry_and_the_first_copy_is_reclaimable()
    {
        var index = Index(
            [File("/a", 5), File("/a", 7, RegularMode | Setuid), Dir("/d"), Dir("/d", 0x1C0)],
            [File("/b", 1)]);
        Assert.Equal(["/a f 7", "/b f 1", "/d d 0"], Tree(index));
        Assert.Equal(Setuid, index.Find("/a")!.Mode & Setuid);
        Assert.Equal(0x1C0, index.Find("/d")!.Mode);
        Assert.Equal(new ReclaimableFile("/a", 0, 0, 5, ReclaimReason.DuplicateInLayer), Assert.Single(index.ReclaimableFiles));
        Assert.Equal([new FileIndexNote(0, "/a", FileIndexNoteKind.DuplicateEntry), new FileIndexNote(0, "/d", FileIndexNoteKind.DuplicateEntry)], index.Notes);
        Assert.Equal((4, 12L), (index.Layers[0].EntryCount, index.Layers[0].Size));
        Assert.Equal(2, index.History("/a").Count);
        // One path, added once.
        Assert.Equal([("/a", PathChangeKind.Added, 7L), ("/d", PathChangeKind.Added, 0L)], index.ChangesIn(0).Select(c => (c.Path, c.Kind, c.Size)));
    }

    [Fact]
    public void A_whiteout_of_a_path_never_present_changes_nothing_and_is_noted()
    {
        var index = Index(
            [File("/a", 1)],
            [Whiteout("/ghost"), Whiteout("/nowhere/deep")]);
        Assert.Equal(["/a f 1"], Tree(index));
        Assert.Empty(index.ChangesIn(1));
        Assert.Equal(0, index.ReclaimableBytes);
        Assert.Equal(2, index.Notes.Count(n => n.Kind == FileIndexNoteKind.WhiteoutOfMissingPath));
        Assert.Equal(LayerEntryKind.Whiteout, Assert.Single(index.History("/ghost")).Entry.Kind);
        Assert.Null(index.Find("/nowhere"));
    }

    [Fact]
    public void Whiteouts_under_a_directory_deleted_in_the_same_layer_are_not_noted()
    {
        var index = Index([Dir("/d"), File("/d/a", 1)], [Whiteout("/d"), Whiteout("/d/a")]);
        Assert.Empty(Tree(index));
        Assert.Empty(index.Notes);
    }

    [Fact]
    public void A_layer_can_delete_a_path_and_ship_it_again()
    {
        var index = Index(
            [File("/f", 5), Dir("/d"), File("/d/old", 3)],
            [File("/f", 6), Whiteout("/f"), Dir("/d"), File("/d/new", 2), Whiteout("/d")]);
        Assert.Equal(["/d d 2", "/d/new f 2", "/f f 6"], Tree(index));
        Assert.Equal(8, index.ReclaimableBytes);
        Assert.Equal(
            [("/d", PathChangeKind.Changed), ("/d/new", PathChangeKind.Added), ("/d/old", PathChangeKind.Removed), ("/f", PathChangeKind.Changed)],
            index.ChangesIn(1).Select(c => (c.Path, c.Kind)));
    }

    [Fact]
    public void A_metadata_only_change_reships_the_file_and_makes_the_lower_copy_reclaimable()
    {
        var index = Index(
            [Dir("/app"), File("/app/run", 40, RegularMode)],
            [Dir("/app", 0x1FF), File("/app/run", 40, 0x1ED)]);
        Assert.Equal(new ReclaimableFile("/app/run", 0, 1, 40, ReclaimReason.Overwritten), Assert.Single(index.ReclaimableFiles));
        Assert.Equal((2, 40L), (index.Layers[1].ChangedPaths, index.Layers[1].ChangedBytes));
        Assert.Equal(40, index.TotalSize);
    }

    [Fact]
    public void Setuid_and_setgid_files_are_listed_by_their_merged_mode()
    {
        var index = Index(
            [
                Dir("/usr"), File("/usr/su", 10, RegularMode | Setuid), File("/usr/wall", 10, RegularMode | Setgid),
                File("/usr/passwd", 10, RegularMode | Setuid), HardLink("/usr/su2", "usr/su", RegularMode | Setuid),
                Dir("/var", DirectoryMode | Setgid), Dir("/tmp", 0x3FF), File("/usr/plain", 1),
            ],
            [File("/usr/passwd", 10, RegularMode)]);
        Assert.Equal(["/usr/su", "/usr/su2", "/usr/wall"], index.SetuidSetgidFiles().Select(f => f.Path));
    }

    [Fact]
    public void Largest_files_and_directories_take_the_top_n_with_ties_by_path()
    {
        var index = Index([
            Dir("/a"), File("/a/x", 30), File("/a/y", 30), Dir("/b"), File("/b/z", 50), Dir("/b/c"), File("/b/c/w", 10),
            File("/top", 30), Symlink("/link", "/b/z"),
        ]);
        Assert.Equal([("/b/z", 50L), ("/a/x", 30L), ("/a/y", 30L)], index.LargestFiles(3).Select(f => (f.Path, f.Size)));
        Assert.Equal([("/a", 60L), ("/b", 60L), ("/b/c", 10L)], index.LargestDirectories(10).Select(d => (d.Path, d.Size)));
        Assert.Empty(index.LargestFiles(0));
        Assert.Equal(150, index.TotalSize);
    }

    [Fact]
    public void Layer_summaries_count_entries_files_and_bytes()
    {
        var index = Index(
            [Dir("/d"), File("/d/a", 3), Symlink("/d/l", "a"), HardLink("/d/h", "d/a"), Fifo("/d/p")],
            [Dir("/d"), File("/d/a", 4), Whiteout("/d/l"), Opaque("/e")]);
        Assert.Equal(new LayerFileSummary(0, 5, 4, 3, 5, 3, 0, 0, 0, 0, 0, 0), index.Layers[0]);
        // /d re-shipped, /d/a re-shipped (the old data lives on through /d/h), /d/l removed, /e added.
        Assert.Equal(new LayerFileSummary(1, 4, 1, 4, 1, 0, 2, 4, 1, 0, 0, 0), index.Layers[1]);
        Assert.Equal(7, index.TotalSize);
    }

    [Fact]
    public void Paths_under_a_directory_are_enumerated_as_one_subtree()
    {
        var index = Index([Dir("/a"), Dir("/a/b"), File("/a/b/c", 1), File("/a/d", 2), File("/e", 3)]);
        Assert.Equal(["/a/b", "/a/b/c", "/a/d"], index.EnumerateUnder("/a/").Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Empty(index.EnumerateUnder("/e"));
        Assert.Empty(index.EnumerateUnder("/missing"));
        Assert.Equal(5, index.EnumerateUnder("/").Count());
    }

    [Fact]
    public void Deep_paths_build_and_delete_without_recursion()
    {
        var path = string.Concat(Enumerable.Range(0, 2000).Select(i => $"/d{i % 10}"));
        var index = Index([File(path, 9)], [File("/d0/side", 1)]);
        Assert.Equal(9, index.Find(path)!.Size);
        Assert.Equal(10, index.Find("/d0")!.Size);
        Assert.Equal(1999, index.DirectoryCount);
        Assert.Equal(3, index.LargestDirectories(3).Count);

        var deleted = Index([File(path, 9)], [Whiteout("/d0")]);
        Assert.Empty(Tree(deleted));
        Assert.Equal(2000, deleted.Layers[1].RemovedPaths);
        Assert.Equal(9, deleted.ReclaimableBytes);
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("/trailing/")]
    [InlineData("/double//slash")]
    [InlineData("/dot/./segment")]
    [InlineData("/dot/../dot")]
    public void A_path_that_breaks_the_readers_contract_is_refused(string path) =>
        Assert.Throws<ArgumentException>(() => FileIndex.Build([[File(path, 1)]]));

    [Fact]
    public void A_built_index_takes_no_more_layers()
    {
        var builder = new FileIndexBuilder();
        Assert.Equal(0, builder.AddLayer([File("/a", 1)]));
        Assert.Equal(1, builder.AddLayer([]));
        var index = builder.Build();
        Assert.Equal(2, index.LayerCount);
        Assert.Throws<InvalidOperationException>(() => builder.AddLayer([]));
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }
}
