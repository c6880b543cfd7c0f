using System.Text;

namespace Stagecraft.Cli;

/// <summary>
/// The streams a run reads and writes. The process passes its own; tests pass in-memory ones, so parallel tests never
/// touch the global <see cref="Console"/>.
/// </summary>
internal sealed class CliConsole
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public CliConsole(Stream input, Stream output, TextWriter error)
    {
        Input = input;
        Output = output;
        OutputText = new StreamWriter(output, Utf8, bufferSize: 4096, leaveOpen: true) { AutoFlush = true };
        Error = error;
    }

    /// <summary>Standard input, read when the user passes <c>-</c> as a file.</summary>
    public Stream Input { get; }

    /// <summary>Standard output as raw bytes: formats such as <c>source</c> must reach it byte for byte.</summary>
    public Stream Output { get; }

    /// <summary>Standard output for text (help, version), UTF-8 without a byte-order mark; it flushes every write, so
    /// text and raw bytes never come out of order.</summary>
    public TextWriter OutputText { get; }

    /// <summary>Standard error: diagnostics and error messages.</summary>
    public TextWriter Error { get; }

    public void Flush()
    {
        OutputText.Flush();
        Output.Flush();
        Error.Flush();
    }

    /// <summary>The process's standard streams. Console.Out is bypassed because it would re-encode what we write.</summary>
    public static CliConsole FromProcess() => new(
        Console.OpenStandardInput(),
        Console.OpenStandardOutput(),
        new StreamWriter(Console.OpenStandardError(), Utf8) { AutoFlush = true });
}
