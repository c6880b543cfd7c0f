using Stagecraft.Images;
using Stagecraft.Images.Facts;
using Stagecraft.Images.Inspection;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Sources;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Images.Layers;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>One call reads the image, merges its files, reads the facts and lines the history up with layers and lines.</summary>
public sealed class ImageInspectorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Save(CraftedImage image) => image.Save(_temp.Folder("image-" + Guid.NewGuid().ToString("N")[..8]));

    [Fact]
    public void The_sample_imageʼs_sizes_add_up_and_name_the_deleted_file()
    {
        var inspection = ImageInspector.Inspect(Save(SampleImage.Create()));

        var shipped = SampleImage.CompilerSize + SampleImage.SuSize + SampleImage.AptListsSize + SampleImage.DeletedFileSize + SampleImage.ProgramSize;
        Assert.Equal(3, inspection.Layers.Count);
        Assert.True(inspection.TotalSize > shipped, "the text files count too");
        Assert.Equal(SampleImage.DeletedFileSize, inspection.ReclaimableBytes);
        Assert.Equal(inspection.TotalSize, inspection.FilesystemSize + inspection.ReclaimableBytes);
        Assert.Equal(SampleImage.DeletedFileSize, inspection.Layers[1].ReclaimableBytes);
        Assert.Equal([0, 0, 1], inspection.Layers.Select(l => l.RemovedPaths));
        Assert.Equal(("/app/data.bin", SampleImage.DeletedFileSize, 1), inspection.Files.ReclaimableByPath().Select(r => (r.Path, r.Size, r.Copies)).Single());
        // Uncompressed layers: stored bytes are the tar stream, whose digest is the diff id.
        Assert.All(inspection.Layers, l => Assert.Equal((l.TarSize, l.DiffId), (l.CompressedSize, l.Digest)));
        Assert.Equal(inspection.Layers.Sum(l => l.CompressedSize), inspection.CompressedSize);
        Assert.Equal("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", inspection.Files.LargestFiles(1)[0].Path);
    }

    [Fact]
    public void The_facts_come_from_the_merged_filesystem_with_the_databases_kept_by_the_reader()
    {
        var inspection = ImageInspector.Inspect(Save(SampleImage.Create(gzip: true)));
        var facts = inspection.Facts;

        Assert.Equal(["base-files", "gcc-12", "libc6"], facts.Packages.Of(OsPackageManager.Dpkg)!.Packages.Select(p => p.Name));
        var gcc = Assert.Single(facts.BuildTools);
        Assert.Equal("gcc", gcc.Name);
        Assert.Equal(new ToolLocation("/usr/bin/gcc", [], "/usr/bin/gcc-12", "gcc-12", OnPath: true), gcc.Locations.Single() with { Links = [] });
        Assert.Equal("/usr/bin/su", Assert.Single(facts.SetuidFiles).Path);
        Assert.Equal([("apt", "/var/lib/apt/lists", (long)SampleImage.AptListsSize)], facts.Caches.Select(c => (c.Tool, c.Path, c.Bytes)));
        Assert.Equal(["/root/.ssh/id_rsa", "ENV GITHUB_TOKEN"], facts.Secrets.Select(s => s.Location).Order(StringComparer.Ordinal));
        Assert.Equal((false, "app"), (facts.Config.RunsAsRoot, facts.Config.User));
        Assert.True(facts.Config.HasHealthcheck);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", facts.OsRelease?.PrettyName);
        Assert.Equal("debian:12-slim", facts.BaseImage?.Image);
        Assert.All(inspection.Layers, l => Assert.Equal(LayerCompression.Gzip, l.Compression));
    }

    [Fact]
    public void History_entries_without_a_layer_are_kept_and_the_layers_get_theirs()
    {
        var inspection = ImageInspector.Inspect(Save(SampleImage.Create()));

        Assert.Equal([0, null, 1, 2, null, null, null, null], inspection.History.Select(h => h.Layer));
        Assert.Equal([false, true, false, false, true, true, true, true], inspection.History.Select(h => h.EmptyLayer));
        Assert.Equal([0, 2, 3], inspection.Layers.Select(l => l.History!.Index));
        Assert.Equal("RUN apt-get update && apt-get install -y make", inspection.Layers[1].History!.Summary);
        Assert.All(inspection.History, h => Assert.Null(h.Instruction));
        Assert.Null(inspection.Dockerfile);
        Assert.Empty(inspection.Notes);
    }

    [Fact]
    public void A_history_that_does_not_add_up_gives_a_note_not_an_error()
    {
        var image = new CraftedImage()
            .Layer("/bin/sh -c #(nop) ADD file:0d5ac3a1bc7d1cf6e5aa9a8aeb7b8e1d2b1c76e0d6e4a4d71e7ab0e5f3b9e6a1 in / ", new LayerTar().File("a", "1"))
            .LayerWithoutHistory(new LayerTar().File("b", "2"));

        var inspection = ImageInspector.Inspect(Save(image));

        Assert.NotNull(inspection.Layers[0].History);
        Assert.Null(inspection.Layers[1].History);
        Assert.Contains("the top layer has no step", Assert.Single(inspection.Notes));
    }

    [Fact]
    public void With_the_Dockerfile_every_layer_and_step_names_its_line()
    {
        var model = SemanticModel.Build(SyntaxTree.Parse(SampleImage.Dockerfile, "app/Dockerfile"));

        var inspection = ImageInspector.Inspect(Save(SampleImage.Create()), new ImageInspectionOptions { Dockerfile = model });

        Assert.Equal("app/Dockerfile", inspection.Dockerfile);
        Assert.Equal([(2, DockerfileMatch.BaseImage), (3, DockerfileMatch.Exact), (4, DockerfileMatch.Exact)],
            inspection.Layers.Select(l => (l.Instruction!.Line, l.Instruction.Match)));
        Assert.Equal([2, 2, 3, 4, 5, 6, 7, 8], inspection.History.Select(h => h.Instruction!.Line));
        // The classic builder records HEALTHCHECK as Go prints its struct; only the kind can be matched.
        Assert.Equal(
            [DockerfileMatch.BaseImage, DockerfileMatch.BaseImage, DockerfileMatch.Exact, DockerfileMatch.Exact, DockerfileMatch.Exact,
             DockerfileMatch.Exact, DockerfileMatch.SameKind, DockerfileMatch.Exact],
            inspection.History.Select(h => h.Instruction!.Match));
        Assert.Empty(inspection.Notes);
    }

    [Fact]
    public void Progress_is_reported_from_start_to_the_last_layer()
    {
        var reports = new System.Collections.Concurrent.ConcurrentQueue<ImageReadProgress>();
        var image = SampleImage.Create();
        // A layer bigger than the reporting step, so a report comes from inside a layer too.
        image.Layer("/bin/sh -c head -c 3000000 /dev/urandom > /blob", new LayerTar().File("blob", new byte[3_000_000]));
        var options = new ImageInspectionOptions { Read = new ImageReadOptions { Progress = new Collect(reports) } };

        var inspection = ImageInspector.Inspect(Save(image), options);

        var all = reports.ToArray();
        var stored = inspection.CompressedSize;
        Assert.Equal(new ImageReadProgress(0, 4, 0, stored), all[0]);
        Assert.Equal([1, 2, 3, 4], all.Select(r => r.LayersDone).Where(d => d > 0).Distinct().Order());
        // The 3 MB layer reports while it is read, before it is done.
        Assert.True(all.Count(r => r.LayersDone < 4) > 4, $"only {all.Length} reports");
        Assert.All(all, r => Assert.InRange(r.StoredBytesRead, 0, stored));
        Assert.Equal(new ImageReadProgress(4, 4, stored, stored), all.MaxBy(r => (r.LayersDone, r.StoredBytesRead)));
    }

    [Fact]
    public void A_userʼs_own_content_filter_is_kept_beside_the_factsʼ()
    {
        var options = new ImageInspectionOptions { Read = new ImageReadOptions { ContentWanted = (path, _) => path == "/app/main" } };

        var inspection = ImageInspector.Inspect(Save(SampleImage.Create()), options);

        Assert.Equal(SampleImage.ProgramSize, inspection.Files.EntryAt("/app/main")!.Content!.Value.Length);
        Assert.NotNull(inspection.Files.EntryAt("/var/lib/dpkg/status")!.Content);
        Assert.Null(inspection.Files.EntryAt("/usr/bin/gcc-12")!.Content);
    }

    [Fact]
    public void Reader_errors_reach_the_caller_naming_the_image()
    {
        var missing = Path.Combine(_temp.FullPath, "missing.tar");

        var error = Assert.Throws<ImageFormatException>(() => ImageInspector.Inspect("docker-archive:" + missing));

        Assert.Equal($"{missing}: no such file or folder", error.Message);
    }

    private sealed class Collect(System.Collections.Concurrent.ConcurrentQueue<ImageReadProgress> reports) : IProgress<ImageReadProgress>
    {
        public void Report(ImageReadProgress value) => reports.Enqueue(value);
    }
}
