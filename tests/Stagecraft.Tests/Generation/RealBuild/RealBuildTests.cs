using System.Globalization;
using System.Text.Json;
using Stagecraft.Tests.Cli;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Generation.RealBuild;

/// <summary>
/// Issue 7's proof, on the apps in examples/: the naive single-stage Dockerfile built by the engine's classic builder
/// and the Dockerfile `stagecraft init` writes built by buildah (it uses RUN --mount), both on the stand-in base images
/// of scripts/real-parts/stand-in-bases.sh. Both images start and answer GET /health; the generated one runs as a
/// non-root user with no compiler and no package-manager cache (read by our own `stagecraft inspect`), its health
/// check works with what the image has, and after one source file changes a rebuild takes every step before the
/// source copy, dependency installs included, from buildah's cache. Sizes and build times go to
/// artifacts/real-builds/APP.json (bench/images/init-real.json keeps a reviewed copy). Skips without the real parts.
/// </summary>
[Collection(nameof(BuildahStoreCollection))]
public sealed class RealBuildTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    // Package managers whose download or install caches must stay out of a runtime image; "tmp" (a temporary folder)
    // and "python" (bytecode) are not package-manager caches.
    private static readonly HashSet<string> PackageManagers = ["apt", "apk", "rpm", "dnf", "yum", "pip", "npm", "yarn", "pnpm", "go", "cargo", "mvn", "gradle", "dotnet", "poetry", "uv", "pipenv", "composer", "gem", "bundler"];

    // The steps that install dependencies: each must come from the cache after a source change.
    private static readonly string[] DependencyInstalls = ["npm ci", "yarn install", "pnpm install", "pip install", "uv sync", "poetry install", "pipenv ", "go mod download"];

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();
    private readonly BuiltImages _built = new();

    [Theory]
    [InlineData("node-api", "18", 3000, "src/app.ts", 2)]
    [InlineData("python-web", "3.11", 8000, "app.py", 0)]
    [InlineData("go-service", "1.19", 8080, "main.go", 0)]
    public void The_naive_and_the_generated_image_build_and_answer_and_the_generated_one_is_lean_and_reuses_its_dependency_layers(
        string app, string version, int port, string sourceFile, int dependencyInstalls)
    {
        var buildah = _built.Buildah = RealBuilds.Require();
        var naiveFolder = ExampleApps.Copy(_temp, app, "naive", withDockerfile: true);
        var generatedFolder = ExampleApps.Copy(_temp, app, "generated", withDockerfile: false);
        var init = CliRun.Run("init", generatedFolder, "--version", version);
        Assert.True(init.ExitCode == 0, init.ToString());
        AssertBuildahCanBuild(buildah, File.ReadAllText(Path.Combine(generatedFolder, "Dockerfile")));

        var naiveImage = $"stagecraft-real/{app}-naive:1";
        _built.InEngine(naiveImage);
        var naive = RealBuilds.Succeed(RealBuilds.DockerClient, ["build", "-t", naiveImage, naiveFolder], BuildTimeout,
            new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" });

        var generatedImage = $"stagecraft-real/{app}:1";
        var first = Build(buildah, generatedImage, generatedFolder);
        _built.InEngine(generatedImage);
        buildah.Succeed(["push", "--quiet", "localhost/" + generatedImage, "docker-daemon:" + generatedImage], BuildTimeout);

        ExampleApps.AssertAnswersHealth(output, naiveImage, port, healthcheck: null);
        var inspection = ExampleApps.Inspect(generatedImage);
        AssertLean(inspection);
        ExampleApps.AssertAnswersHealth(output, generatedImage, port, HealthcheckCommand(inspection));

        var comment = Path.GetExtension(sourceFile) == ".py" ? "#" : "//";
        File.AppendAllText(Path.Combine(generatedFolder, sourceFile), $"\n{comment} changed by RealBuildTests\n");
        var rebuild = Build(buildah, generatedImage, generatedFolder);
        var steps = BuildahLog.Steps(rebuild.Output);
        AssertRebuildReusedTheLayersBeforeTheSource(steps, dependencyInstalls);

        Record(app, version, naiveImage, generatedImage, naive, first, rebuild, steps);
    }

    /// <summary>buildah 1.28 builds RUN --mount but not heredocs, and only from the stand-ins scripts/test.sh gave it.</summary>
    private static void AssertBuildahCanBuild(Buildah buildah, string dockerfile)
    {
        Assert.False(ExampleApps.UsesHeredocs(dockerfile), "the generated Dockerfile has a heredoc, which buildah 1.28 cannot build");
        ExampleApps.AssertStandInsFor(dockerfile, "buildah's storage", buildah.HasImage);
    }

    private ProcessResult Build(Buildah buildah, string image, string folder)
    {
        _built.InBuildah("localhost/" + image);
        // Cache mounts live under TMPDIR: a folder of this test makes the first build's download caches cold.
        var tmp = _temp.Folder("buildah-tmp");
        return buildah.Succeed(["bud", "--isolation", "chroot", "--layers", "--format", "docker", "-t", "localhost/" + image, folder], BuildTimeout,
            new Dictionary<string, string> { ["TMPDIR"] = tmp });
    }

    private void AssertLean(JsonElement inspection)
    {
        var config = inspection.GetProperty("config");
        Assert.True(config.GetProperty("runsAsRoot").ValueKind == JsonValueKind.False, "runs as root: " + config.GetProperty("userReason").GetString());
        var tools = ExampleApps.BuildTools(inspection);
        output.WriteLine($"build tools: {(tools.Length == 0 ? "none" : string.Join(", ", tools))}");
        Assert.DoesNotContain(tools, tool => tool.EndsWith("(compiler)", StringComparison.Ordinal));
        var caches = inspection.GetProperty("caches").EnumerateArray()
            .Select(cache => (Tool: cache.GetProperty("tool").GetString()!, Path: cache.GetProperty("path").GetString()!, Bytes: cache.GetProperty("bytes").GetInt64())).ToArray();
        output.WriteLine($"caches: {(caches.Length == 0 ? "none" : string.Join(", ", caches.Select(c => $"{c.Tool} {c.Path} {c.Bytes} B")))}");
        Assert.DoesNotContain(caches, cache => PackageManagers.Contains(cache.Tool));
    }

    /// <summary>The image's HEALTHCHECK as the arguments `docker exec` runs.</summary>
    private static string[] HealthcheckCommand(JsonElement inspection)
    {
        var healthcheck = inspection.GetProperty("config").GetProperty("healthcheck");
        Assert.True(healthcheck.ValueKind == JsonValueKind.Object, "the generated image has no HEALTHCHECK (buildah keeps it only with --format docker)");
        var test = healthcheck.GetProperty("test").EnumerateArray().Select(part => part.GetString()!).ToArray();
        return test[0] switch
        {
            "CMD" => test[1..],
            "CMD-SHELL" => ["/bin/sh", "-c", test[1]],
            _ => throw new InvalidOperationException("unexpected health check " + string.Join(' ', test)),
        };
    }

    /// <summary>
    /// After one source file changed: the source copy is rebuilt (so the change was seen), every step buildah printed before
    /// it came from the cache, and so did every dependency install (in a stage of its own, like Node.js's production
    /// dependencies, too). COPY --from steps are left out: their cache line comes after the stage they copy from.
    /// </summary>
    private void AssertRebuildReusedTheLayersBeforeTheSource(IReadOnlyList<BuildStep> steps, int dependencyInstalls)
    {
        foreach (var step in steps)
            output.WriteLine($"rebuild: [{step.Stage}] {(step.UsedCache ? "cache" : "built")} {step.Instruction}");
        var sourceCopy = steps.ToList().FindIndex(step => step.Instruction == "COPY . .");
        Assert.True(sourceCopy >= 0, "no COPY . . step in the build log");
        Assert.False(steps[sourceCopy].UsedCache, "the changed source file did not invalidate COPY . .");
        Assert.All(steps.Take(sourceCopy).Where(step => !step.Is("FROM") && !step.Instruction.StartsWith("COPY --from", StringComparison.Ordinal)),
            step => Assert.True(step.UsedCache, $"[{step.Stage}] {step.Instruction} was rebuilt although it comes before the source"));
        var installs = steps.Where(step => step.Is("RUN") && DependencyInstalls.Any(install => step.Instruction.Contains(install, StringComparison.Ordinal))).ToArray();
        Assert.Equal(dependencyInstalls, installs.Length);
        Assert.All(installs, step => Assert.True(step.UsedCache, $"the dependency install [{step.Stage}] {step.Instruction} was rebuilt"));
    }

    private void Record(string app, string version, string naiveImage, string generatedImage, ProcessResult naive, ProcessResult first, ProcessResult rebuild, IReadOnlyList<BuildStep> steps)
    {
        var naiveSize = ExampleApps.EngineSize(naiveImage);
        var generatedSize = ExampleApps.EngineSize(generatedImage);
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        var folder = Directory.CreateDirectory(Path.Combine(SharedData.RepositoryRoot, "artifacts", "real-builds")).FullName;
        var path = Path.Combine(folder, app + ".json");
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("app", "examples/" + app);
            json.WriteString("initVersion", version);
            json.WriteString("naiveBuilder", "classic (DOCKER_BUILDKIT=0 docker build)");
            json.WriteString("generatedBuilder", $"buildah bud --layers ({_built.Buildah!.Driver} storage)");
            json.WriteNumber("naiveSizeBytes", naiveSize);
            json.WriteNumber("generatedSizeBytes", generatedSize);
            json.WriteNumber("sizeRatio", Math.Round((double)generatedSize / naiveSize, 3));
            json.WriteNumber("naiveBuildSeconds", Seconds(naive.Elapsed));
            json.WriteNumber("generatedBuildSeconds", Seconds(first.Elapsed));
            json.WriteNumber("generatedRebuildSeconds", Seconds(rebuild.Elapsed));
            json.WriteNumber("rebuildStepsFromCache", steps.Count(step => step.UsedCache));
            json.WriteNumber("rebuildSteps", steps.Count(step => !step.Is("FROM")));
            json.WriteString("loadAverage", load);
            json.WriteEndObject();
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{app}: naive {naiveSize / 1e6:F1} MB in {naive.Elapsed.TotalSeconds:F0} s; generated {generatedSize / 1e6:F1} MB in {first.Elapsed.TotalSeconds:F0} s, rebuilt in {rebuild.Elapsed.TotalSeconds:F0} s; load {load}; {path}"));
    }

    private static double Seconds(TimeSpan elapsed) => Math.Round(elapsed.TotalSeconds, 1);

    public void Dispose()
    {
        _built.Dispose();
        _temp.Dispose();
    }
}
