namespace Stagecraft.Semantics.Shell;

/// <summary>
/// A POSIX shell script read for analysis (not run): every simple command with its words, assignments, redirections,
/// positions and nesting, plus diagnostics for what could not be read. Reading never throws on any text.
/// </summary>
public sealed class ShellScript
{
    private int[]? _lineStarts;

    private ShellScript(string text, ItemList<ShellCommand> commands, ItemList<ShellDiagnostic> diagnostics)
    {
        Text = text;
        Commands = commands;
        Diagnostics = diagnostics;
    }

    /// <summary>Reads <paramref name="text"/> (a RUN instruction's shell-form text or a here-document body) as a shell script.</summary>
    public static ShellScript Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffers = ShellReaderBuffers.Rent();
        try
        {
            var parser = new ShellParser(text, buffers);
            parser.Parse();
            return new ShellScript(text, parser.Commands, parser.Diagnostics);
        }
        finally
        {
            ShellReaderBuffers.Return(buffers);
        }
    }

    /// <summary>The text that was read; every span is an offset into it.</summary>
    public string Text { get; }

    /// <summary>All simple commands in source order, at every depth, including those inside compound commands and command substitutions.</summary>
    public ItemList<ShellCommand> Commands { get; }

    /// <summary>Problems met while reading, in the order found; empty for a well-formed script.</summary>
    public ItemList<ShellDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostics were reported.</summary>
    public bool HasDiagnostics => Diagnostics.Count > 0;

    /// <summary>
    /// The commands whose base name is one of <paramref name="names"/> after <see cref="ShellCommand.Unwrap"/>, so
    /// <c>sudo apt-get install</c> is found by <c>"apt-get"</c>; the unwrapped views are returned.
    /// </summary>
    public ItemList<ShellCommand> FindCommands(params ReadOnlySpan<string> names)
    {
        List<ShellCommand>? found = null;
        foreach (var command in Commands)
        {
            var effective = command.Unwrap();
            if (effective.IsNamed(names))
                (found ??= new List<ShellCommand>()).Add(effective);
        }
        return found is null ? ItemList<ShellCommand>.Empty : found;
    }

    /// <summary>The text covered by <paramref name="span"/>.</summary>
    public string GetText(ShellSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped to the text); a newline belongs to the line it ends.</summary>
    public ShellLocation GetLocation(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new ShellLocation(line + 1, offset - starts[line] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var count = 1 + text.AsSpan().Count('\n');
        var starts = new int[count];
        var line = 1;
        for (var i = 0; i < text.Length && line < count; i++)
        {
            if (text[i] == '\n')
                starts[line++] = i + 1;
        }
        return starts;
    }
}
