using System.Text;
using System.Text.RegularExpressions;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.ShellCheck;

/// <summary>
/// The file ShellCheck reads for one RUN: a first line exporting the names the stage's ARG and ENV give the shell (so
/// ShellCheck does not call them unassigned), then the script's lines as written (with a shell-form RUN's heredoc bodies). Positions ShellCheck reports in that file
/// map back through the script to the Dockerfile, continuation lines and heredoc bodies included.
/// </summary>
internal sealed partial class ShellCheckScript
{
    /// <summary>BuildKit hands these to every RUN without an ARG, so scripts may use them freely.</summary>
    private static readonly string[] PredefinedNames =
        ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"];

    private readonly int[] _lineStarts;

    /// <summary>The script line (0-based) written as the file's second line: 1 when a shebang line gave way to the prelude.</summary>
    private readonly int _firstScriptLine;

    private readonly string _source;
    private readonly int[] _fileOffsets;

    private ShellCheckScript(RunScript script, string dialect, string text, string source, int[] fileOffsets, int[] lineStarts, int firstScriptLine)
    {
        _source = source;
        _fileOffsets = fileOffsets;
        Script = script;
        Dialect = dialect;
        Text = text;
        _lineStarts = lineStarts;
        _firstScriptLine = firstScriptLine;
    }

    public RunScript Script { get; }

    /// <summary>ShellCheck's <c>--shell</c> value for this script.</summary>
    public string Dialect { get; }

    /// <summary>The file content ShellCheck reads.</summary>
    public string Text { get; }

    /// <summary>
    /// The file for <paramref name="script"/> run by <paramref name="shell"/> (a heredoc's own shebang wins), or null when
    /// ShellCheck has no dialect for that shell.
    /// </summary>
    public static ShellCheckScript? Create(RunScript script, IReadOnlyList<string> shell, IEnumerable<string> exportedNames)
    {
        var (source, fileOffsets) = Source(script);
        var lineStarts = LineStarts(source);
        var hasShebang = source.StartsWith("#!", StringComparison.Ordinal);
        var dialect = hasShebang ? ShellCheckDialect.ForShebang(LineText(source, lineStarts, 0))
            : shell.Count > 0 ? ShellCheckDialect.For(shell[0]) : null;
        if (dialect is null)
            return null;

        // The prelude takes the shebang's place, so ShellCheck never sees a shebang below line 1; --shell says the dialect.
        var text = new StringBuilder("export");
        foreach (var name in PredefinedNames.Concat(exportedNames).Where(n => ShellName().IsMatch(n)).Distinct(StringComparer.Ordinal))
            text.Append(' ').Append(name).Append("=1");
        text.Append('\n');
        var firstScriptLine = hasShebang ? 1 : 0;
        for (var line = firstScriptLine; line < lineStarts.Length; line++)
            text.Append(LineText(source, lineStarts, line)).Append('\n');
        return new ShellCheckScript(script, dialect, text.ToString(), source, fileOffsets, lineStarts, firstScriptLine);
    }

    /// <summary>The Dockerfile span of a comment, or null when it points at the prelude or outside the script.</summary>
    public TextSpan? ToFileSpan(ShellCheckComment comment)
    {
        if (comment.Line < 2 || Offset(comment.Line, comment.Column) is not { } start)
            return null;
        var end = Math.Max(start, Offset(comment.EndLine, comment.EndColumn) ?? _source.Length);
        var fileStart = _fileOffsets[start];
        if (end == start)
            return new TextSpan(fileStart, 0);
        var last = _fileOffsets[end - 1] + Utf8Length(_source[end - 1]);
        return TextSpan.FromBounds(fileStart, Math.Max(fileStart, last));
    }

    /// <summary>
    /// The text the shell reads and, for each of its characters, the Dockerfile byte offset. A shell-form RUN's heredoc bodies
    /// follow its command line as they would in a script (ShellCheck would otherwise miss their end), each mapped to where
    /// it is written.
    /// </summary>
    private static (string Source, int[] FileOffsets) Source(RunScript script)
    {
        var text = new StringBuilder(script.Text);
        var offsets = new List<int>(script.Text.Length + 1);
        for (var i = 0; i < script.Text.Length; i++)
            offsets.Add(script.ToFileOffset(i));
        if (script.Heredoc is null)
        {
            foreach (var heredoc in script.Run.Heredocs)
            {
                offsets.Add(offsets.Count > 0 ? offsets[^1] : script.Run.ArgumentsSpan.Start);
                text.Append('\n');
                var bytes = heredoc.BodySpan.Start;
                foreach (var c in heredoc.Content)
                {
                    offsets.Add(bytes);
                    bytes += Utf8Length(c);
                }
                text.Append(heredoc.Content);
                if (!heredoc.Content.EndsWith('\n'))
                {
                    offsets.Add(bytes);
                    text.Append('\n');
                }
                for (var i = 0; i < heredoc.Name.Length; i++)
                    offsets.Add(Math.Min(heredoc.TerminatorSpan.Start + i, Math.Max(heredoc.TerminatorSpan.Start, heredoc.TerminatorSpan.End - 1)));
                text.Append(heredoc.Name);
            }
        }
        offsets.Add(script.Text.Length == text.Length ? script.ToFileOffset(script.Text.Length) : offsets.Count > 0 ? offsets[^1] : script.Run.ArgumentsSpan.Start);
        return (text.ToString(), [.. offsets]);
    }

    private static int Utf8Length(char c) => char.IsHighSurrogate(c) ? 4 : char.IsLowSurrogate(c) ? 0 : Encoding.UTF8.GetByteCount([c]);

    /// <summary>The source offset of a 1-based file line and a column counted in code points (json1 counts a tab as one).</summary>
    private int? Offset(int fileLine, int column)
    {
        var line = fileLine - 2 + _firstScriptLine;
        if (line < _firstScriptLine || line >= _lineStarts.Length)
            return null;
        var offset = _lineStarts[line];
        var lineEnd = offset + LineText(_source, _lineStarts, line).Length;
        for (var col = 1; col < column && offset < lineEnd; col++)
            offset += char.IsHighSurrogate(_source[offset]) && offset + 1 < lineEnd ? 2 : 1;
        return offset;
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && i + 1 < text.Length)
                starts.Add(i + 1);
        }
        return [.. starts];
    }

    /// <summary>A line without its line break (a CRLF file's carriage return is not part of the command).</summary>
    private static string LineText(string text, int[] lineStarts, int line)
    {
        var start = lineStarts[line];
        var end = line + 1 < lineStarts.Length ? lineStarts[line + 1] - 1 : text.Length;
        if (end > start && text[end - 1] == '\n')
            end--;
        if (end > start && text[end - 1] == '\r')
            end--;
        return text[start..end];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ShellName();
}
