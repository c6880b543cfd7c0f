using System.Text;
using Stagecraft.Cli;

namespace Stagecraft.Tests.Cli;

/// <summary>What one in-process run of the CLI produced.</summary>
internal sealed record CliResult(int ExitCode, byte[] Output, string Error)
{
    public string OutputText => Encoding.UTF8.GetString(Output);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{OutputText}\n--- stderr\n{Error}";
}

/// <summary>Runs the CLI's entry logic in-process with its own streams, so tests can run in parallel.</summary>
internal static class CliRun
{
    public static CliResult Run(params string[] args) => WithInput(new MemoryStream(), args);

    public static CliResult WithInput(byte[] input, params string[] args) => WithInput(new MemoryStream(input), args);

    public static CliResult WithInput(Stream input, params string[] args) => WithInput(() => input, args);

    public static CliResult WithInput(Func<Stream> openInput, params string[] args)
    {
        var output = new MemoryStream();
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = Stagecraft.Cli.Cli.Run(args, new CliConsole(openInput, output, error));
        return new CliResult(exitCode, output.ToArray(), error.ToString());
    }
}
