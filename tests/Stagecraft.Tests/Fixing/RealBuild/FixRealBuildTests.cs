using System.Globalization;
using System.Text.Json;
using Stagecraft.Tests.Cli;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Fixing.RealBuild;

/// <summary>
/// Issue 8's proof, on the apps in examples/: each app's Dockerfile as it is, after `stagecraft fix --write` (safe
/// fixes) and after `stagecraft fix --write --unsafe --multi-stage` on that, each built for real on the stand-in base
/// images of scripts/real-parts/stand-in-bases.sh (the engine's classic builder, or buildah when the file has syntax
/// only BuildKit builds). All three images start and answer GET /health; the fully fixed one is smaller than the
/// original and, as the unsafe USER fix and the multi-stage rewrite promise, runs as a non-root user without a
/// compiler (read by our own `stagecraft inspect`). Sizes go to artifacts/real-builds/fix-APP.json
/// (bench/images/fix-real.json keeps a reviewed copy). Skips without the real parts.
/// </summary>
[Collection(nameof(BuildahStoreCollection))]
public sealed class FixRealBuildTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();
    private readonly BuiltImages _built = new();

    [Theory]
    [InlineData("node-api", 3000)]
    [InlineData("python-web", 8000)]
    [InlineData("go-service", 8080)]
    public void The_original_the_safe_fixed_and_the_fully_fixed_image_answer_and_the_fully_fixed_one_is_smaller_and_lean(string app, int port)
    {
        var buildah = _built.Buildah = RealBuilds.Require();
        var originalFolder = ExampleApps.Copy(_temp, app, "original", withDockerfile: true);
        var safeFolder = ExampleApps.Copy(_temp, app, "safe", withDockerfile: true);
        Fix(safeFolder, "fix", "--write", "Dockerfile");
        var fullFolder = _temp.Folder(Path.Combine("full", app));
        CopyFolder(safeFolder, fullFolder);
        Fix(fullFolder, "fix", "--write", "--unsafe", "--multi-stage", "Dockerfile");
        var fullDockerfile = File.ReadAllText(Path.Combine(fullFolder, "Dockerfile"));
        output.WriteLine($"fully fixed Dockerfile:\n{fullDockerfile}");

        var original = Build(buildah, $"stagecraft-fix-real/{app}-original:1", originalFolder);
        var safe = Build(buildah, $"stagecraft-fix-real/{app}-safe:1", safeFolder);
        var full = Build(buildah, $"stagecraft-fix-real/{app}-full:1", fullFolder);

        foreach (var image in new[] { original, safe, full })
            ExampleApps.AssertAnswersHealth(output, image.Name, port, healthcheck: null);
        AssertLean(ExampleApps.Inspect(full.Name));

        var sizes = new[] { original, safe, full }.Select(image => ExampleApps.EngineSize(image.Name)).ToArray();
        Assert.True(sizes[2] < sizes[0], $"the fully fixed image ({sizes[2]} B) is not smaller than the original ({sizes[0]} B)");
        Record(app, original, safe, full, sizes);
    }

    private static void Fix(string folder, params string[] arguments)
    {
        var result = CliRun.InFolder(folder, arguments);
        Assert.True(result.ExitCode == 0, $"stagecraft {string.Join(' ', arguments)} in examples/{Path.GetFileName(folder)}: {result}");
    }

    private static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Builds the folder's Dockerfile into the engine: the classic builder when it can, else buildah, handing the image over.</summary>
    private BuiltImage Build(Buildah buildah, string image, string folder)
    {
        var dockerfile = File.ReadAllText(Path.Combine(folder, "Dockerfile"));
        ProcessResult result;
        string builder;
        if (ExampleApps.NeedsBuildKit(dockerfile))
        {
            Assert.False(ExampleApps.UsesHeredocs(dockerfile), $"{image}: the Dockerfile has a heredoc, which buildah 1.28 cannot build");
            ExampleApps.AssertStandInsFor(dockerfile, "buildah's storage", buildah.HasImage);
            _built.InBuildah("localhost/" + image);
            // Cache mounts live under TMPDIR: a folder of this test keeps them out of other runs.
            var tmp = _temp.Folder("buildah-tmp");
            result = buildah.Succeed(["bud", "--isolation", "chroot", "--layers", "--format", "docker", "-t", "localhost/" + image, folder], BuildTimeout,
                new Dictionary<string, string> { ["TMPDIR"] = tmp });
            _built.InEngine(image);
            buildah.Succeed(["push", "--quiet", "localhost/" + image, "docker-daemon:" + image], BuildTimeout);
            builder = $"buildah bud --layers ({buildah.Driver} storage)";
        }
        else
        {
            ExampleApps.AssertStandInsFor(dockerfile, "the engine", ExampleApps.EngineHasImage);
            _built.InEngine(image);
            result = RealBuilds.Succeed(RealBuilds.DockerClient, ["build", "-t", image, folder], BuildTimeout,
                new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" });
            builder = "classic (DOCKER_BUILDKIT=0 docker build)";
        }
        output.WriteLine($"{image}: built by {builder} in {result.Elapsed.TotalSeconds:F0} s");
        return new BuiltImage(image, builder, result.Elapsed);
    }

    /// <summary>What the fixes promise the runtime image: the unsafe USER fix (or the rewrite's own USER) makes it run as a non-root user, and the rewrite leaves the build tools in the builder stage.</summary>
    private void AssertLean(JsonElement inspection)
    {
        var config = inspection.GetProperty("config");
        Assert.True(config.GetProperty("runsAsRoot").ValueKind == JsonValueKind.False, "runs as root: " + config.GetProperty("userReason").GetString());
        var tools = ExampleApps.BuildTools(inspection);
        output.WriteLine($"build tools: {(tools.Length == 0 ? "none" : string.Join(", ", tools))}");
        Assert.DoesNotContain(tools, tool => tool.EndsWith("(compiler)", StringComparison.Ordinal));
    }

    private void Record(string app, BuiltImage original, BuiltImage safe, BuiltImage full, long[] sizes)
    {
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        var folder = Directory.CreateDirectory(Path.Combine(SharedData.RepositoryRoot, "artifacts", "real-builds")).FullName;
        var path = Path.Combine(folder, $"fix-{app}.json");
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("app", "examples/" + app);
            var images = new[] { ("original", original), ("safeFixed", safe), ("fullyFixed", full) };
            for (var i = 0; i < images.Length; i++)
            {
                var (name, image) = images[i];
                json.WriteString(name + "Builder", image.Builder);
                json.WriteNumber(name + "SizeBytes", sizes[i]);
                json.WriteNumber(name + "BuildSeconds", Math.Round(image.Elapsed.TotalSeconds, 1));
            }
            json.WriteNumber("safeFixedSizeRatio", Math.Round((double)sizes[1] / sizes[0], 3));
            json.WriteNumber("fullyFixedSizeRatio", Math.Round((double)sizes[2] / sizes[0], 3));
            json.WriteString("loadAverage", load);
            json.WriteEndObject();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{app}: original {sizes[0] / 1e6:F1} MB, safe-fixed {sizes[1] / 1e6:F1} MB, fully fixed {sizes[2] / 1e6:F1} MB; load {load}; {path}"));
    }

    public void Dispose()
    {
        _built.Dispose();
        _temp.Dispose();
    }

    private sealed record BuiltImage(string Name, string Builder, TimeSpan Elapsed);
}
