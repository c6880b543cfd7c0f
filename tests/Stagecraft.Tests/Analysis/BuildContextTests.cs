using Stagecraft.Analysis;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis;

public sealed class BuildContextTests
{
    [Fact]
    public void FindFiles_gives_context_relative_paths_in_every_folder_up_to_the_limit()
    {
        using var temp = new TempDirectory();
        temp.Write("main.go", "package main\n");
        Directory.CreateDirectory(Path.Combine(temp.FullPath, "cmd", "api"));
        File.WriteAllText(Path.Combine(temp.FullPath, "cmd", "api", "api.go"), "package main\n");
        temp.Write("README.md", "# app\n");
        var context = new BuildContext(temp.FullPath, null);

        Assert.Equal(["cmd/api/api.go", "main.go"], context.FindFiles("*.go", 10).Order(StringComparer.Ordinal));
        Assert.Single(context.FindFiles("*.go", 1));
    }

    [Fact]
    public void FindFiles_finds_nothing_without_a_context() => Assert.Empty(BuildContext.None.FindFiles("*.go", 10));
}
