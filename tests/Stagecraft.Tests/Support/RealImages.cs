namespace Stagecraft.Tests.Support;

/// <summary>
/// Real images built by a real Docker engine, which scripts/test.sh (README's test command) brings up before the tests
/// run and describes through environment variables. Without them (a plain <c>dotnet test</c>, or a machine where the
/// engine cannot start) the tests that need them skip with the reason. The contract is in docs/testing.md.
/// </summary>
internal static class RealImages
{
    /// <summary>A single-stage image that installs gcc and compiles a program: build tools, apt leftovers, root user.</summary>
    public const string GccSingle = "gcc-single";

    /// <summary>The multi-stage rewrite of <see cref="GccSingle"/>: the program on a small Debian runtime, no compiler.</summary>
    public const string MultiStage = "multi-stage";

    private const string HowToSetUp = "run `bash scripts/test.sh` (README's test command), which starts a Docker engine and a registry and builds the test images";

    /// <summary>The folder with the exported images and the facts recorded from the engine, or skips the running test.</summary>
    public static RealImage Require(string name)
    {
        var folder = Environment.GetEnvironmentVariable("STAGECRAFT_REAL_IMAGES");
        if (string.IsNullOrEmpty(folder))
            Assert.Skip($"STAGECRAFT_REAL_IMAGES is not set: no real images for this run; {HowToSetUp}.");
        if (!File.Exists(Path.Combine(folder, name + ".image")))
            Assert.Skip($"STAGECRAFT_REAL_IMAGES ({folder}) has no image {name}; {HowToSetUp}.");
        return new RealImage(name, folder);
    }

    /// <summary>The local registry's host:port that holds every real image, or skips the running test.</summary>
    public static string RequireRegistry()
    {
        var registry = Environment.GetEnvironmentVariable("STAGECRAFT_TEST_REGISTRY");
        if (string.IsNullOrEmpty(registry))
            Assert.Skip($"STAGECRAFT_TEST_REGISTRY is not set: no local registry for this run; {HowToSetUp}.");
        return registry;
    }

    /// <summary>Skips the running test unless the Docker engine that built the real images is reachable.</summary>
    public static void RequireDaemon()
    {
        if (Environment.GetEnvironmentVariable("STAGECRAFT_TEST_DAEMON") != "1")
            Assert.Skip($"STAGECRAFT_TEST_DAEMON is not 1: no Docker engine for this run; {HowToSetUp}.");
    }
}

/// <summary>One real image and what the engine said about it, as files in the real-images folder.</summary>
internal sealed record RealImage(string Name, string Folder)
{
    /// <summary>`docker save` output (legacy docker-archive layout).</summary>
    public string DockerArchive => Path.Combine(Folder, Name + ".docker.tar");

    /// <summary>An OCI layout folder written by `skopeo copy`, gzip layers, tagged <c>latest</c>.</summary>
    public string OciLayout => Path.Combine(Folder, Name + ".oci");

    /// <summary>The same OCI layout as a tar file (oci-archive), tagged <c>latest</c>.</summary>
    public string OciArchive => Path.Combine(Folder, Name + ".oci.tar");

    /// <summary>The image's name in the engine ("stagecraft-test/gcc-single:1").</summary>
    public string DaemonName => File.ReadAllText(Path.Combine(Folder, Name + ".image")).Trim();

    /// <summary>`docker image inspect` output for the image (a JSON array with one object).</summary>
    public string InspectJson => File.ReadAllText(Path.Combine(Folder, Name + ".inspect.json"));

    /// <summary>Lines `dpkg -l` printed with status "ii" inside a container of the image.</summary>
    public int DpkgCount => int.Parse(File.ReadAllText(Path.Combine(Folder, Name + ".dpkg-count")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The repository the image was pushed to in the local registry (HOST:PORT/stagecraft-test/NAME:1).</summary>
    public string RegistryName(string registry) => $"{registry}/stagecraft-test/{Name}:1";
}
