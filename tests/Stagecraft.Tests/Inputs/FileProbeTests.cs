using Stagecraft.Inputs;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Inputs;

public sealed class FileProbeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string[] Entries()
    {
        var file = _temp.Write("Dockerfile", "FROM scratch\n");
        var hidden = _temp.Write(".dockerignore", ".git\n");
        var folder = _temp.Folder("src");
        var linkToFile = Path.Combine(_temp.FullPath, "Dockerfile.link");
        File.CreateSymbolicLink(linkToFile, file);
        var linkToFolder = Path.Combine(_temp.FullPath, "src.link");
        Directory.CreateSymbolicLink(linkToFolder, folder);
        var broken = Path.Combine(_temp.FullPath, "broken.link");
        File.CreateSymbolicLink(broken, Path.Combine(_temp.FullPath, "gone"));
        var missing = Path.Combine(_temp.FullPath, "Dockerfile.dockerignore");
        return [file, hidden, folder, linkToFile, linkToFolder, broken, missing, Path.Combine(folder, "nothing"), _temp.FullPath + "/"];
    }

    [Fact]
    public void Answers_as_File_Exists_does_before_and_after_it_lists_the_folder()
    {
        var paths = Entries();
        var probe = FileProbe.ForRun();
        // Several rounds: the first questions go to the file system, the later ones to the folder's listing.
        for (var round = 0; round < 3; round++)
        {
            foreach (var path in paths)
                Assert.True(File.Exists(path) == probe.FileExists(path), $"round {round}: {path}: File.Exists says {File.Exists(path)}");
        }
        Assert.True(probe.FileExists(paths[1]), "a hidden file (.dockerignore) is found in the listing");
        Assert.False(probe.FileExists(paths[2]), "a folder is not a file");
    }

    [Fact]
    public void A_run_probe_answers_from_its_snapshot_and_the_direct_probe_from_the_disk()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("the listing is used only on Linux");
        var paths = Entries();
        var probe = FileProbe.ForRun();
        for (var i = 0; i < 5; i++)
            probe.FileExists(paths[0]);
        var created = _temp.Write("late.dockerignore", "x\n");
        Assert.False(probe.FileExists(created), "a file created after the folder was listed is not seen: a probe is for a run that writes nothing");
        Assert.True(FileProbe.Direct.FileExists(created));
    }

    [Fact]
    public void Relative_paths_are_asked_directly()
    {
        var probe = FileProbe.ForRun();
        for (var i = 0; i < 6; i++)
            Assert.False(probe.FileExists("no-such-file-here.txt"));
    }
}
