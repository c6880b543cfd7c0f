namespace Stagecraft.Semantics.Shell;

/// <summary>
/// The reader's working lists, kept per thread from one script to the next: a lint reads thousands of RUN scripts, and
/// allocating these afresh for each was a fifth of the bytes reading cost. Nothing in them outlives one parse.
/// </summary>
internal sealed class ShellReaderBuffers
{
    [ThreadStatic]
    private static ShellReaderBuffers? t_free;

    public List<ShellCommand> Commands { get; } = new();

    public List<ShellDiagnostic> Diagnostics { get; } = new();

    public List<ShellWordBuilder> Builders { get; } = new();

    public List<int[]> Expectations { get; } = new();

    public List<List<ShellWord>> Words { get; } = new();

    public List<List<ShellAssignment>> Assignments { get; } = new();

    public List<List<ShellRedirection>> Redirections { get; } = new();

    public int[] TopLevelExpectations { get; } = new int[(int)ShellTerminator.Count];

    /// <summary>Takes this thread's buffers, or new ones while they are taken; hand them back with <see cref="Return"/>.</summary>
    public static ShellReaderBuffers Rent()
    {
        var buffers = t_free ?? new ShellReaderBuffers();
        t_free = null;
        return buffers;
    }

    /// <summary>Clears what refers to the script just read (so it is not kept alive) and keeps the buffers for the next.</summary>
    public static void Return(ShellReaderBuffers buffers)
    {
        Array.Clear(buffers.TopLevelExpectations);
        buffers.Commands.Clear();
        buffers.Diagnostics.Clear();
        foreach (var words in buffers.Words)
            words.Clear();
        foreach (var assignments in buffers.Assignments)
            assignments.Clear();
        foreach (var redirections in buffers.Redirections)
            redirections.Clear();
        foreach (var builder in buffers.Builders)
            builder.Reset(string.Empty, 0);
        t_free = buffers;
    }
}
