using Stagecraft.Inputs;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Inputs;

/// <summary>The gitignore pattern rules discovery follows (see <see cref="GitIgnore"/> for what is left out).</summary>
public sealed class GitIgnoreTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("build", "build", true, true)]
    [InlineData("build", "a/b/build", false, true)]
    [InlineData("build/", "build", false, false)]
    [InlineData("build/", "a/build", true, true)]
    [InlineData("/build", "a/build", true, false)]
    [InlineData("/build", "build", true, true)]
    [InlineData("a/build", "a/build", true, true)]
    [InlineData("a/build", "x/a/build", true, false)]
    [InlineData("*.log", "deep/x.log", false, true)]
    [InlineData("**/cache", "x/y/cache", true, true)]
    [InlineData("a/**/z", "a/z", true, true)]
    [InlineData("a/**/z", "a/b/c/z", true, true)]
    [InlineData("# build", "# build", false, false)]
    [InlineData("\\#build", "#build", false, true)]
    [InlineData("\\!important", "!important", false, true)]
    [InlineData("trailing   ", "trailing", false, true)]
    [InlineData("escaped\\ ", "escaped ", false, true)]
    [InlineData("Build", "build", true, false)]
    public void Patterns(string pattern, string path, bool isDirectory, bool ignored)
    {
        _temp.Write(".gitignore", pattern + "\n");

        Assert.Equal(ignored, GitIgnore.For(_temp.FullPath).IsIgnored(Path.Combine(_temp.FullPath, path), isDirectory));
    }

    [Fact]
    public void The_last_matching_pattern_wins_and_negation_re_includes()
    {
        _temp.Write(".gitignore", "*.Dockerfile\n!keep.Dockerfile\n");
        var ignore = GitIgnore.For(_temp.FullPath);

        Assert.True(ignore.IsIgnored(Path.Combine(_temp.FullPath, "a.Dockerfile"), false));
        Assert.False(ignore.IsIgnored(Path.Combine(_temp.FullPath, "keep.Dockerfile"), false));
    }

    [Fact]
    public void A_deeper_file_overrides_an_outer_one_and_anchors_at_its_own_folder()
    {
        _temp.Write(".gitignore", "*.Dockerfile\n");
        _temp.Write("sub/.gitignore", "!/keep.Dockerfile\n");
        var ignore = GitIgnore.For(Path.Combine(_temp.FullPath, "sub"));

        Assert.False(ignore.IsIgnored(Path.Combine(_temp.FullPath, "sub", "keep.Dockerfile"), false));
        Assert.True(ignore.IsIgnored(Path.Combine(_temp.FullPath, "sub", "other.Dockerfile"), false));
        Assert.True(ignore.IsIgnored(Path.Combine(_temp.FullPath, "sub", "deeper", "keep.Dockerfile"), false));
    }

    [Fact]
    public void The_repository_exclude_file_counts()
    {
        _temp.Write(".git/info/exclude", "scratch/\n");

        Assert.True(GitIgnore.For(_temp.FullPath).IsIgnored(Path.Combine(_temp.FullPath, "scratch"), true));
    }

    [Fact]
    public void Outside_a_repository_only_the_folders_own_files_count()
    {
        using var outer = new TempDirectory();
        outer.Write(".gitignore", "inner/\nx\n");
        var inner = outer.Folder("inner");

        Assert.False(GitIgnore.For(inner).IsIgnored(Path.Combine(inner, "x"), false));
    }
}
