using System.Text;
using Stagecraft.Inputs;

namespace Stagecraft.Cli;

/// <summary>
/// The streams a run reads and writes. The process passes its own; tests pass in-memory ones, so parallel tests never
/// touch the global <see cref="Console"/>.
/// </summary>
internal sealed class CliConsole
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lazy<Stream> _input;

    public CliConsole(Stream input, Stream output, TextWriter error) : this(() => input, output, error) { }

    /// <summary>Standard input is opened only when a command reads it, so a closed stdin troubles no other command.</summary>
    public CliConsole(Func<Stream> openInput, Stream output, TextWriter error)
    {
        _input = new Lazy<Stream>(openInput);
        Output = output;
        OutputText = new StreamWriter(output, Utf8, bufferSize: 4096, leaveOpen: true) { AutoFlush = true };
        Error = error;
    }

    /// <summary>Standard input, read when the user passes <c>-</c> as a file.</summary>
    public Stream Input => _input.Value;

    /// <summary>Standard output as raw bytes: formats such as <c>source</c> must reach it byte for byte.</summary>
    public Stream Output { get; }

    /// <summary>Standard output for text (help, version), UTF-8 without a byte-order mark; it flushes every write, so
    /// text and raw bytes never come out of order.</summary>
    public TextWriter OutputText { get; }

    /// <summary>Standard error: diagnostics and error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths and the configuration search start from (tests give each run its own).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Reads an environment variable (tests pass their own, so the machine's NO_COLOR or CI never leak in).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    /// <summary>True when standard output is a terminal rather than a file or a pipe.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The terminal's width in columns, when standard output is one.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>True when standard error is a terminal: progress is drawn there only then.</summary>
    public bool ErrorIsTerminal { get; init; }

    public void Flush()
    {
        OutputText.Flush();
        Output.Flush();
        Error.Flush();
    }

    /// <summary>The process's standard streams. Console.Out is bypassed because it would re-encode what we write.</summary>
    public static CliConsole FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        return new CliConsole(
            OpenStandardInput,
            OpenOrDiscard(Console.OpenStandardOutput),
            new StreamWriter(OpenOrDiscard(Console.OpenStandardError), Utf8) { AutoFlush = true })
        {
            GetEnvironmentVariable = Environment.GetEnvironmentVariable,
            OutputIsTerminal = terminal,
            TerminalWidth = terminal ? WindowWidth() : null,
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    // Run with stdin closed (`<&-`), .NET cannot open it; that is the user's input problem, not a bug.
    private static Stream OpenStandardInput()
    {
        try
        {
            return Console.OpenStandardInput();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputUnreadableException(DockerfileInput.StandardInputPath, "standard input is closed", e);
        }
    }

    // Run with stdout or stderr closed (`>&-`), output is lost, as it would be on a closed pipe; the exit code still tells.
    private static Stream OpenOrDiscard(Func<Stream> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Stream.Null;
        }
    }
}
