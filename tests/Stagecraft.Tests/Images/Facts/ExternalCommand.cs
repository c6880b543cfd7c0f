using System.Diagnostics;

namespace Stagecraft.Tests.Images.Facts;

/// <summary>Runs a real program the facts tests make fixtures with (sqlite3, rpmbuild, rpm); tests skip visibly when it is missing.</summary>
internal static class ExternalCommand
{
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    public static void Require(string program, string package)
    {
        if (Find(program) is null)
            Assert.Skip($"{program} is not on PATH (apt-get install {package}); this test makes its fixture with it.");
    }

    /// <summary>Runs the program and returns its standard output; fails the test with its standard error when it exits non-zero.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string? input = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Find(program) ?? program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
            process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
