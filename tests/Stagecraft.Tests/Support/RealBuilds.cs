using System.Diagnostics;
using System.Text;

namespace Stagecraft.Tests.Support;

/// <summary>
/// Real builds of Dockerfiles: the Docker engine's classic builder for plain Dockerfiles, and buildah for the ones that
/// need BuildKit syntax (RUN --mount), both with the stand-in base images scripts/test.sh makes (docs/testing.md).
/// Without them the tests that build skip with the reason.
/// </summary>
internal static class RealBuilds
{
    private const string HowToSetUp = "run `bash scripts/test.sh` as root (README's test command), which installs buildah and builds the stand-in base images";

    /// <summary>buildah with the stand-ins in its storage and an engine holding them under the upstream names, or skips the running test.</summary>
    public static Buildah Require()
    {
        RealImages.RequireDaemon();
        var folder = Environment.GetEnvironmentVariable("STAGECRAFT_TEST_BUILDAH");
        var driver = Environment.GetEnvironmentVariable("STAGECRAFT_TEST_BUILDAH_DRIVER");
        if (string.IsNullOrEmpty(folder) || string.IsNullOrEmpty(driver))
            Assert.Skip($"STAGECRAFT_TEST_BUILDAH or STAGECRAFT_TEST_BUILDAH_DRIVER is not set: no buildah with the stand-in base images for this run; {HowToSetUp}.");
        return new Buildah(folder, driver);
    }

    /// <summary>Debian's client, which matches Debian's engine (a newer client earlier on PATH may expect buildx).</summary>
    public static string DockerClient => File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";

    /// <summary>Runs a program to its end (or kills it after <paramref name="timeout"/>) and returns its exit code and its standard output and error, interleaved as they came.</summary>
    public static ProcessResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}; its output:\n{Tail(output)}");
        }
        process.WaitForExit();
        lock (output)
            return new ProcessResult(process.ExitCode, output.ToString(), watch.Elapsed);
    }

    /// <summary>Like <see cref="Run"/>, but fails the test with the end of the output when the program exits non-zero.</summary>
    public static ProcessResult Succeed(string program, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Run(program, arguments, timeout, environment);
        if (result.ExitCode != 0)
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{Tail(result.Output)}");
        return result;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.Append(line).Append('\n');
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
            return Tail(output.ToString());
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}

/// <summary>What a finished program did.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>buildah on the storage scripts/test.sh filled with the stand-ins (its root and run folders under one folder).</summary>
internal sealed record Buildah(string Folder, string Driver)
{
    private static readonly TimeSpan Quick = TimeSpan.FromMinutes(2);

    private IEnumerable<string> Storage => ["--root", Path.Combine(Folder, "storage"), "--runroot", Path.Combine(Folder, "run"), "--storage-driver", Driver];

    /// <summary>Runs one buildah command on the stand-ins' storage.</summary>
    public ProcessResult Run(IEnumerable<string> arguments, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null) =>
        RealBuilds.Run("buildah", Storage.Concat(arguments), timeout ?? Quick, environment);

    /// <summary>Like <see cref="Run"/>, but fails the test when buildah exits non-zero.</summary>
    public ProcessResult Succeed(IEnumerable<string> arguments, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null) =>
        RealBuilds.Succeed("buildah", Storage.Concat(arguments), timeout ?? Quick, environment);

    /// <summary>The storage holds an image of this fully qualified name.</summary>
    public bool HasImage(string name) => Run(["inspect", "--type", "image", name]).ExitCode == 0;
}
