using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation;

/// <summary>
/// The Dockerfiles and .dockerignore files init writes for the apps in examples/, kept as reviewed golden files
/// (STAGECRAFT_UPDATE_GOLDEN=1 rewrites them), each linting clean in a copy of its app.
/// </summary>
public sealed class ExampleAppTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("node-api")]
    [InlineData("python-web")]
    [InlineData("go-service")]
    public void Generated_files_match_the_reviewed_golden_files_and_lint_clean(string app)
    {
        var copy = _temp.Folder(app);
        var source = Path.Combine(SharedData.RepositoryRoot, "examples", app);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative == "Dockerfile")
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        var generated = Generated.For(copy);

        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Generation/Golden/{app}.Dockerfile", generated.Files.Dockerfile);
        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Generation/Golden/{app}.dockerignore", generated.Files.DockerIgnore);
        generated.AssertLintsClean();
        // Clean at every level, not only at warning: the examples are what users compare with.
        Assert.Empty(generated.Findings.Select(f => $"{f.Rule.Id} {f.Message}"));
    }
}
