using System.Text;
using Stagecraft.Cli;

namespace Stagecraft.Tests.Cli;

/// <summary>What one in-process run of the CLI produced.</summary>
internal sealed record CliResult(int ExitCode, byte[] Output, string Error)
{
    public string OutputText => Encoding.UTF8.GetString(Output);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{OutputText}\n--- stderr\n{Error}";
}

/// <summary>The world a run sees besides its arguments: working folder, environment variables, whether stdout is a terminal.</summary>
internal sealed record CliSetting
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public bool Terminal { get; init; }

    /// <summary>Standard error is a terminal (progress is drawn there).</summary>
    public bool ErrorTerminal { get; init; }

    public Func<Stream>? OpenInput { get; init; }
}

/// <summary>Runs the CLI's entry logic in-process with its own streams, so tests can run in parallel.</summary>
internal static class CliRun
{
    public static CliResult Run(params string[] args) => WithInput(new MemoryStream(), args);

    public static CliResult WithInput(byte[] input, params string[] args) => WithInput(new MemoryStream(input), args);

    public static CliResult WithInput(Stream input, params string[] args) => WithInput(() => input, args);

    public static CliResult WithInput(Func<Stream> openInput, params string[] args) => In(new CliSetting { OpenInput = openInput }, args);

    /// <summary>Runs in a given folder (relative paths and the configuration search start there).</summary>
    public static CliResult InFolder(string workingDirectory, params string[] args) => In(new CliSetting { WorkingDirectory = workingDirectory }, args);

    public static CliResult In(CliSetting setting, params string[] args)
    {
        var output = new MemoryStream();
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(setting.OpenInput ?? (() => new MemoryStream()), output, error)
        {
            WorkingDirectory = setting.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            GetEnvironmentVariable = name => setting.Environment.GetValueOrDefault(name),
            OutputIsTerminal = setting.Terminal,
            TerminalWidth = setting.Terminal ? 100 : null,
            ErrorIsTerminal = setting.ErrorTerminal,
        };
        var exitCode = Stagecraft.Cli.Cli.Run(args, console);
        return new CliResult(exitCode, output.ToArray(), error.ToString());
    }
}
