using Stagecraft.Inputs;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Inputs;

/// <summary>Which files <c>stagecraft lint</c> finds in folders and globs, and the paths it reports them under.</summary>
public sealed class DockerfileDiscoveryTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("dockerfile")]
    [InlineData("Containerfile")]
    [InlineData("Dockerfile.prod")]
    [InlineData("Dockerfile.dev.arm64")]
    [InlineData("api.Dockerfile")]
    [InlineData("api.dockerfile")]
    public void Dockerfile_names_are_matched(string name) => Assert.True(DockerfileDiscovery.IsDockerfileName(name));

    [Theory]
    [InlineData("Dockerfile.dockerignore")]
    [InlineData("api.Dockerfile.dockerignore")]
    [InlineData(".dockerignore")]
    [InlineData("Dockerfile.")]
    [InlineData(".Dockerfile")]
    [InlineData("DOCKERFILE")]
    [InlineData("Dockerfile_old")]
    [InlineData("my-dockerfile")]
    [InlineData("Containerfile.txt.bak.dockerignore")]
    [InlineData("docker-compose.yml")]
    public void Other_names_are_not(string name) => Assert.False(DockerfileDiscovery.IsDockerfileName(name));

    [Fact]
    public void A_folder_is_searched_recursively_including_hidden_folders()
    {
        Write("Dockerfile", ".devcontainer/Dockerfile", "services/api/api.Dockerfile", "services/web/Containerfile",
            "services/web/Dockerfile.dockerignore", "services/web/README.md", "deep/er/and/deeper/Dockerfile.ci");

        var found = DockerfileDiscovery.Find([_temp.FullPath], "/");

        Assert.Equal(
            [".devcontainer/Dockerfile", "Dockerfile", "deep/er/and/deeper/Dockerfile.ci", "services/api/api.Dockerfile", "services/web/Containerfile"],
            found.Select(f => Path.GetRelativePath(_temp.FullPath, f.FullPath!)));
        Assert.All(found, f => Assert.StartsWith(_temp.FullPath + "/", f.DisplayPath));
    }

    [Fact]
    public void Git_and_node_modules_are_always_skipped()
    {
        Write(".git/Dockerfile", "node_modules/pkg/Dockerfile", "app/node_modules/x/Dockerfile", "app/Dockerfile");

        Assert.Equal(["app/Dockerfile"], Relative(DockerfileDiscovery.Find(["."], _temp.FullPath)));
    }

    [Fact]
    public void Gitignored_folders_and_files_are_skipped()
    {
        _temp.Write(".gitignore", "# build output\nbuild/\n/vendor\n*.generated.Dockerfile\ntmp*\n!tmp-keep\n");
        _temp.Write("services/.gitignore", "legacy/\n");
        Write("build/Dockerfile", "vendor/Dockerfile", "lib/vendor/Dockerfile", "x.generated.Dockerfile", "tmp1/Dockerfile",
            "tmp-keep/Dockerfile", "services/legacy/Dockerfile", "services/api/Dockerfile", "legacy/Dockerfile");

        var found = Relative(DockerfileDiscovery.Find(["."], _temp.FullPath));

        Assert.Equal(["legacy/Dockerfile", "lib/vendor/Dockerfile", "services/api/Dockerfile", "tmp-keep/Dockerfile"], found);
    }

    [Fact]
    public void Gitignore_files_above_the_searched_folder_apply()
    {
        _temp.Write(".gitignore", "generated/\n");
        Write("services/generated/Dockerfile", "services/api/Dockerfile");

        var found = DockerfileDiscovery.Find(["services"], _temp.FullPath);

        Assert.Equal(["services/api/Dockerfile"], found.Select(f => f.DisplayPath));
    }

    [Fact]
    public void Display_paths_follow_what_was_typed()
    {
        Write("Dockerfile", "services/api/Dockerfile");

        Assert.Equal(["Dockerfile", "services/api/Dockerfile"], DockerfileDiscovery.Find([], _temp.FullPath).Select(f => f.DisplayPath));
        Assert.Equal(["Dockerfile", "services/api/Dockerfile"], DockerfileDiscovery.Find(["./"], _temp.FullPath).Select(f => f.DisplayPath));
        Assert.Equal(["services/api/Dockerfile"], DockerfileDiscovery.Find(["services/"], _temp.FullPath).Select(f => f.DisplayPath));
        Assert.Equal(["./services/api/Dockerfile"], DockerfileDiscovery.Find(["./services/api/Dockerfile"], _temp.FullPath).Select(f => f.DisplayPath));
    }

    [Fact]
    public void A_file_named_explicitly_is_taken_whatever_its_name_or_ignore_rules()
    {
        _temp.Write(".gitignore", "*.txt\n");
        Write("build.txt");

        Assert.Equal(["build.txt"], DockerfileDiscovery.Find(["build.txt"], _temp.FullPath).Select(f => f.DisplayPath));
    }

    [Fact]
    public void Globs_are_expanded_in_order()
    {
        Write("services/web/Dockerfile", "services/api/Dockerfile", "services/api/Dockerfile.dev", "services/docs/README.md", "other/Dockerfile");

        Assert.Equal(["services/api/Dockerfile", "services/web/Dockerfile"],
            DockerfileDiscovery.Find(["services/*/Dockerfile"], _temp.FullPath).Select(f => f.DisplayPath));
        Assert.Equal(["other/Dockerfile", "services/api/Dockerfile", "services/api/Dockerfile.dev", "services/web/Dockerfile"],
            DockerfileDiscovery.Find(["**/Dockerfile*"], _temp.FullPath).Select(f => f.DisplayPath));
        Assert.Equal(["services/api/Dockerfile.dev"],
            DockerfileDiscovery.Find(["services/[a-b]pi/Dockerfile.?ev"], _temp.FullPath).Select(f => f.DisplayPath));
    }

    [Fact]
    public void A_glob_that_matches_folders_searches_them()
    {
        Write("services/web/Dockerfile", "services/api/nested/Dockerfile", "services/api/notes.txt");

        Assert.Equal(["services/api/nested/Dockerfile", "services/web/Dockerfile"],
            DockerfileDiscovery.Find(["services/*"], _temp.FullPath).Select(f => f.DisplayPath));
    }

    [Fact]
    public void Globs_skip_ignored_folders_too()
    {
        _temp.Write(".gitignore", "dist/\n");
        Write("dist/Dockerfile", "node_modules/x/Dockerfile", "app/Dockerfile");

        Assert.Equal(["app/Dockerfile"], DockerfileDiscovery.Find(["**/Dockerfile"], _temp.FullPath).Select(f => f.DisplayPath));
    }

    [Fact]
    public void A_file_given_twice_is_linted_once()
    {
        Write("Dockerfile");

        Assert.Single(DockerfileDiscovery.Find([".", "Dockerfile", "./Dockerfile"], _temp.FullPath));
    }

    [Fact]
    public void Standard_input_is_dash()
    {
        var found = DockerfileDiscovery.Find(["-"], _temp.FullPath);

        Assert.True(Assert.Single(found).IsStandardInput);
    }

    [Fact]
    public void Missing_paths_empty_folders_and_empty_globs_are_input_errors()
    {
        _temp.Folder("empty");
        _temp.Write("empty/README.md", "nothing here");

        Assert.Equal("nope: no such file", Assert.Throws<InputNotFoundException>(() => DockerfileDiscovery.Find(["nope"], _temp.FullPath)).Message);
        Assert.StartsWith("empty: no Dockerfiles found (looked for Dockerfile, dockerfile, Dockerfile.*",
            Assert.Throws<NoDockerfilesException>(() => DockerfileDiscovery.Find(["empty"], _temp.FullPath)).Message);
        Assert.Equal("x/*/Dockerfile: no files match this pattern",
            Assert.Throws<NoDockerfilesException>(() => DockerfileDiscovery.Find(["x/*/Dockerfile"], _temp.FullPath)).Message);
    }

    [Fact]
    public void Symbolic_links_to_folders_are_not_followed()
    {
        Write("app/Dockerfile");
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(_temp.FullPath, "app", "loop"), _temp.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Assert.Skip("This file system cannot make symbolic links.");
        }

        Assert.Equal(["app/Dockerfile"], Relative(DockerfileDiscovery.Find(["."], _temp.FullPath)));
    }

    private void Write(params string[] names)
    {
        foreach (var name in names)
            _temp.Write(name, "FROM alpine\n");
    }

    private string[] Relative(IEnumerable<DiscoveredDockerfile> found) =>
        found.Select(f => Path.GetRelativePath(_temp.FullPath, f.FullPath!).Replace('\\', '/')).ToArray();
}
