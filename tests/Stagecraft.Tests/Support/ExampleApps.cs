using System.Globalization;
using System.Net;
using System.Text.Json;
using Stagecraft.Images.Sources;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Cli;

namespace Stagecraft.Tests.Support;

/// <summary>
/// What the real-build tests do with the apps in examples/ (init's in Generation/RealBuild, fix's in Fixing/RealBuild):
/// copy one into a temporary folder, check a Dockerfile's bases have stand-ins, read an image with our own
/// `stagecraft inspect`, and run it to see it answer GET /health.
/// </summary>
internal static class ExampleApps
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(2);

    /// <summary>Copies examples/APP into NAME/APP under <paramref name="temp"/>, without the Dockerfile when asked, and without local build output.</summary>
    public static string Copy(TempDirectory temp, string app, string name, bool withDockerfile)
    {
        var source = Path.Combine(SharedData.RepositoryRoot, "examples", app);
        var copy = temp.Folder(Path.Combine(name, app));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative == "Dockerfile" && !withDockerfile)
                continue;
            // A local npm install or build of the example would otherwise go into the naive image too.
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "node_modules" or "dist" or "__pycache__")
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }
        return copy;
    }

    /// <summary>The Dockerfile parses and uses syntax only BuildKit (here: buildah) builds: a RUN --mount or a heredoc.</summary>
    public static bool NeedsBuildKit(string dockerfile) =>
        UsesHeredocs(dockerfile) || Instructions(dockerfile).Any(instruction => instruction is RunInstructionSyntax { Mounts.Count: > 0 });

    /// <summary>The Dockerfile parses and has a heredoc (buildah 1.28 cannot build those).</summary>
    public static bool UsesHeredocs(string dockerfile) => Instructions(dockerfile).Any(instruction => instruction.Heredocs.Count > 0);

    /// <summary>Each image a stage of the Dockerfile starts from is there under its fully qualified name (asked with <paramref name="hasImage"/>), else the test fails naming the FROM.</summary>
    public static void AssertStandInsFor(string dockerfile, string builder, Func<string, bool> hasImage)
    {
        foreach (var stage in Model(dockerfile).Stages.Where(stage => stage.Base.Kind == StageBaseKind.Image))
        {
            var name = DockerImageName.Parse(stage.Base.Reference).ToString();
            Assert.True(hasImage(name),
                $"FROM {stage.Base.Reference} has no stand-in in {builder} ({name}): add it to stand_in_names in scripts/real-parts/stand-in-bases.sh");
        }
    }

    /// <summary>The engine holds an image of this name.</summary>
    public static bool EngineHasImage(string name) =>
        RealBuilds.Run(RealBuilds.DockerClient, ["image", "inspect", name], Quick).ExitCode == 0;

    /// <summary>The image's size as the engine reports it.</summary>
    public static long EngineSize(string image) =>
        long.Parse(RealBuilds.Succeed(RealBuilds.DockerClient, ["image", "inspect", "-f", "{{.Size}}", image], Quick).Output.Trim(), CultureInfo.InvariantCulture);

    /// <summary>`stagecraft inspect --format json` of an image in the engine.</summary>
    public static JsonElement Inspect(string image)
    {
        var result = CliRun.Run("inspect", "docker-daemon:" + image, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.OutputText);
        return json.RootElement.Clone();
    }

    /// <summary>The build tools inspect found, as "NAME (CATEGORY)".</summary>
    public static string[] BuildTools(JsonElement inspection) =>
        inspection.GetProperty("buildTools").EnumerateArray()
            .Select(tool => $"{tool.GetProperty("name").GetString()} ({tool.GetProperty("category").GetString()})").ToArray();

    /// <summary>A container of the image answers GET /health with 200 on its published port, and its own health check command (when given) passes.</summary>
    public static void AssertAnswersHealth(ITestOutputHelper output, string image, int port, string[]? healthcheck)
    {
        var docker = RealBuilds.DockerClient;
        var container = RealBuilds.Succeed(docker, ["run", "-d", "-p", $"127.0.0.1::{port}", image], Quick).Output.Trim().Split('\n')[^1];
        try
        {
            var published = RealBuilds.Succeed(docker, ["port", container, $"{port}/tcp"], Quick).Output.Trim().Split('\n')[0];
            var address = $"http://{published}/health";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpStatusCode? status = null;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (status is null && DateTime.UtcNow < deadline)
            {
                try
                {
                    status = http.GetAsync(address, TestContext.Current.CancellationToken).GetAwaiter().GetResult().StatusCode;
                }
                catch (HttpRequestException)
                {
                    Thread.Sleep(500);
                }
                catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
                {
                    Thread.Sleep(500);
                }
            }
            var logs = RealBuilds.Run(docker, ["logs", container], Quick).Output;
            Assert.True(status == HttpStatusCode.OK, $"{image}: GET {address} gave {status?.ToString() ?? "no answer in 90 s"}; container log:\n{logs}");
            output.WriteLine($"{image}: GET /health → 200");
            if (healthcheck is not null)
            {
                var probe = RealBuilds.Run(docker, ["exec", container, .. healthcheck], Quick);
                Assert.True(probe.ExitCode == 0, $"{image}: its HEALTHCHECK ({string.Join(' ', healthcheck)}) exited {probe.ExitCode}: {probe.Output}");
            }
        }
        finally
        {
            RealBuilds.Run(docker, ["rm", "-f", container], Quick);
        }
    }

    private static IEnumerable<InstructionSyntax> Instructions(string dockerfile) =>
        Model(dockerfile).Stages.SelectMany(stage => stage.Instructions);

    private static SemanticModel Model(string dockerfile)
    {
        var tree = SyntaxTree.Parse(dockerfile, "Dockerfile");
        Assert.Empty(tree.Diagnostics);
        return SemanticModel.Build(tree);
    }
}
