using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Stagecraft.Analysis.ShellCheck;

/// <summary>
/// Runs the <c>shellcheck</c> binary over many scripts at once: one process per dialect (ShellCheck's <c>--shell</c> applies
/// to every file of a call), each script in its own file of a temporary folder that is removed afterwards.
/// </summary>
internal sealed class ShellCheckRunner(string executable)
{
    /// <summary>
    /// Checks that need what a Dockerfile cannot give: a file sourced through a variable or from the image cannot be followed
    /// (SC1090, SC1091), and ash is read as dash on purpose (SC2187).
    /// </summary>
    public const string Excluded = "SC1090,SC1091,SC2187";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<ShellCheckRunner?> OnPathRunner = new(() => Locate() is { } path ? new ShellCheckRunner(path) : null);

    /// <summary>The runner for the <c>shellcheck</c> on PATH, or null when there is none (looked up once per process).</summary>
    public static ShellCheckRunner? OnPath => OnPathRunner.Value;

    public string Executable { get; } = executable;

    /// <summary>Every comment ShellCheck makes on <paramref name="scripts"/>, with the script it belongs to; or why it could not run.</summary>
    public ShellCheckBatch Run(IReadOnlyList<ShellCheckScript> scripts)
    {
        var results = new List<(ShellCheckScript, ShellCheckComment)>();
        if (scripts.Count == 0)
            return new ShellCheckBatch(results, null);
        var folder = Directory.CreateTempSubdirectory("stagecraft-shellcheck-");
        try
        {
            foreach (var group in scripts.Select((script, index) => (script, index)).GroupBy(s => s.script.Dialect))
            {
                var files = new Dictionary<string, ShellCheckScript>(StringComparer.Ordinal);
                foreach (var (script, index) in group)
                {
                    var name = $"run{index}.sh";
                    File.WriteAllText(Path.Combine(folder.FullName, name), script.Text, new UTF8Encoding(false));
                    files[name] = script;
                }
                var (comments, failure) = RunProcess(folder.FullName, group.Key, files.Keys);
                if (failure is not null)
                    return new ShellCheckBatch(results, failure);
                foreach (var comment in comments!)
                {
                    if (files.TryGetValue(comment.File, out var script))
                        results.Add((script, comment));
                }
            }
            return new ShellCheckBatch(results, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return new ShellCheckBatch(results, $"shellcheck could not run: {e.Message}");
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The comments of <c>-f json1</c> output, or null when the text is not that.</summary>
    public static IReadOnlyList<ShellCheckComment>? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ShellCheckJsonContext.Default.ShellCheckOutput)?.Comments;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private (IReadOnlyList<ShellCheckComment>? Comments, string? Failure) RunProcess(string folder, string dialect, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-f", "json1", "--norc", "--shell=" + dialect, "--exclude=" + Excluded }.Concat(files))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new IOException("the process did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return (null, $"shellcheck did not finish within {Timeout.TotalSeconds:0} seconds");
        }
        // 0: nothing found, 1: comments found; anything else means it could not check the files.
        if (process.ExitCode is not (0 or 1))
        {
            var reason = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return (null, $"shellcheck exited with status {process.ExitCode}" + (reason is null ? "" : $": {reason}"));
        }
        return Parse(output.Result) is { } comments ? (comments, null) : (null, "shellcheck printed output that is not its json1 format");
    }

    private static string? Locate()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "shellcheck.exe" } : ["shellcheck"];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}

/// <summary>What one batch gave: comments paired with their scripts, and a one-line reason when ShellCheck failed.</summary>
internal sealed record ShellCheckBatch(IReadOnlyList<(ShellCheckScript Script, ShellCheckComment Comment)> Comments, string? Failure);
