namespace Stagecraft.Syntax;

/// <summary>
/// Reads Dockerfile bytes line by line exactly as BuildKit's parser does (directives, continuations, comments inside
/// continuations, heredocs) and builds the lossless tree. Never throws on input; problems become diagnostics.
/// </summary>
internal sealed partial class DockerfileParser
{
    private readonly SourceText _source;
    private readonly byte[] _bytes;
    private readonly List<PhysicalLine> _lines;
    // Null when the caller does not want tokens: linting never reads them, and emitting them was a tenth of a lint.
    private readonly List<SyntaxToken>? _tokens;
    private readonly List<SyntaxNode> _nodes;
    private readonly List<SyntaxDiagnostic> _diagnostics = [];
    // Each instruction's segment map is built here and then copied out at its exact size.
    private readonly List<LogicalLine.Segment> _segmentScratch = new(16);
    // Each instruction's problems are collected here and copied out only when there are any.
    private readonly List<SyntaxDiagnostic> _instructionDiagnostics = [];
    // BuildKit's argument split of each line, reused: the instruction node copies what it keeps.
    private readonly List<List<RawPart>> _argumentScratch = [];
    private byte _escape = (byte)'\\';

    private DockerfileParser(SourceText source, bool withTokens)
    {
        _source = source;
        _bytes = source.RawBytes;
        _lines = SplitLines(_bytes);
        // Real Dockerfiles average 3.5 to 7.5 bytes per token (corpus p10..p90): size for the short end so the list is not regrown.
        _tokens = withTokens ? new List<SyntaxToken>(_bytes.Length / 3 + 16) : null;
        _nodes = new List<SyntaxNode>(_lines.Count);
    }

    /// <summary>Parses without the token stream; the tree reads it again on first use (see <see cref="SyntaxTree.Tokens"/>).</summary>
    public static SyntaxTree Parse(SourceText source) => new DockerfileParser(source, withTokens: false).Run();

    /// <summary>The lossless token stream of a file: the parse is deterministic, so this equals what a full parse would have kept.</summary>
    internal static IReadOnlyList<SyntaxToken> Tokenize(SourceText source)
    {
        var parser = new DockerfileParser(source, withTokens: true);
        parser.Run();
        return parser._tokens!;
    }

    /// <summary>A physical line: [Start, ContentEnd) is its text, [ContentEnd, End) its line ending.</summary>
    private readonly record struct PhysicalLine(int Start, int ContentEnd, int End);

    private SyntaxTree Run()
    {
        var bom = _source.ByteOrderMarkLength;
        if (bom > 0)
            _tokens?.Add(new SyntaxToken(SyntaxTokenKind.ByteOrderMark, new TextSpan(0, bom)));

        var directivesDone = false;
        var seenDirectives = new HashSet<string>();
        var index = 0;
        while (index < _lines.Count)
        {
            var line = _lines[index];
            var contentStart = index == 0 ? Math.Max(line.Start, bom) : line.Start;
            var trimmed = GoText.SkipSpace(_bytes, contentStart, line.ContentEnd);
            var nodeStart = index == 0 ? 0 : line.Start;

            if (!directivesDone)
            {
                if (TryReadDirective(trimmed, line.ContentEnd, out var name, out var nameSpan, out var valueSpan))
                {
                    AddWhitespace(contentStart, trimmed);
                    AddToken(SyntaxTokenKind.Directive, trimmed, line.ContentEnd);
                    AddToken(SyntaxTokenKind.Newline, line.ContentEnd, line.End);
                    var value = _source.GetText(valueSpan);
                    var span = TextSpan.FromBounds(nodeStart, line.End);
                    _nodes.Add(new DirectiveSyntax(span, name, value, nameSpan, valueSpan));
                    if (!seenDirectives.Add(name))
                        Report("duplicate-directive", DiagnosticSeverity.Error, $"only one {name} parser directive can be used", TextSpan.FromBounds(trimmed, line.ContentEnd));
                    else if (name == "escape")
                    {
                        if (value is "\\" or "`")
                            _escape = (byte)value[0];
                        else
                            Report("invalid-escape", DiagnosticSeverity.Error, $"invalid escape token '{value}' does not match ` or \\", valueSpan);
                    }
                    else if (name == "check" && !CheckOptions.TryParse(value, out _, out var checkError))
                        Report("invalid-check", DiagnosticSeverity.Error, $"failed to parse check options: {checkError}", valueSpan);
                    index++;
                    continue;
                }
                directivesDone = true;
            }

            if (trimmed < line.ContentEnd && _bytes[trimmed] == (byte)'#')
            {
                AddWhitespace(contentStart, trimmed);
                AddToken(SyntaxTokenKind.Comment, trimmed, line.ContentEnd);
                AddToken(SyntaxTokenKind.Newline, line.ContentEnd, line.End);
                _nodes.Add(new CommentSyntax(TextSpan.FromBounds(nodeStart, line.End), TextSpan.FromBounds(trimmed, line.ContentEnd), _source));
                index++;
                continue;
            }

            var (textEnd, isEnd) = TrimContinuation(trimmed, line.ContentEnd);
            if (isEnd && textEnd == trimmed)
            {
                AddWhitespace(contentStart, line.ContentEnd);
                AddToken(SyntaxTokenKind.Newline, line.ContentEnd, line.End);
                _nodes.Add(new BlankLineSyntax(TextSpan.FromBounds(nodeStart, line.End)));
                index++;
                continue;
            }

            index = ReadInstruction(index, nodeStart, contentStart, trimmed, textEnd, isEnd);
        }

        ReportInvalidUtf8();
        var root = new DockerfileSyntax(new TextSpan(0, _bytes.Length), _nodes, _escape);
        if (root.Instructions.Count == 0)
            Report("no-instructions", DiagnosticSeverity.Error, "file with no instructions", new TextSpan(_bytes.Length, 0));

        var all = new List<SyntaxDiagnostic>(_diagnostics);
        var instructions = root.Instructions;
        for (var i = 0; i < instructions.Count; i++)
            all.AddRange(instructions[i].Diagnostics);
        all.SortInPlace((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new SyntaxTree(_source, root, _tokens, all);
    }

    /// <summary>Invalid UTF-8 is kept byte for byte; each bad sequence is reported (up to a limit) so users can find it.</summary>
    private void ReportInvalidUtf8()
    {
        const int limit = 20;
        var bytes = _bytes.AsSpan();
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return;
        var reported = 0;
        var offset = 0;
        while (offset < bytes.Length && reported < limit)
        {
            var valid = bytes[offset..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (valid < 0)
                break;
            offset += valid;
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                Report("invalid-utf8", DiagnosticSeverity.Warning, $"invalid UTF-8 byte 0x{bytes[offset]:X2}; the file is kept as is, but tools may show this text differently", new TextSpan(offset, Math.Max(consumed, 1)));
                reported++;
            }
            offset += Math.Max(consumed, 1);
        }
    }

    private void Report(string code, DiagnosticSeverity severity, string message, TextSpan span) =>
        _diagnostics.Add(new SyntaxDiagnostic(code, severity, message, span));

    private void AddToken(SyntaxTokenKind kind, int start, int end)
    {
        if (end > start)
            _tokens?.Add(new SyntaxToken(kind, TextSpan.FromBounds(start, end)));
    }

    private void AddWhitespace(int start, int end) => AddToken(SyntaxTokenKind.Whitespace, start, end);

    /// <summary>BuildKit's continuation test: the escape character, then only blanks, and not itself escaped.</summary>
    private (int TextEnd, bool IsEndOfLine) TrimContinuation(int start, int end)
    {
        var p = end;
        while (p > start && _bytes[p - 1] is (byte)' ' or (byte)'\t')
            p--;
        if (p > start && _bytes[p - 1] == _escape)
        {
            var escapeAt = p - 1;
            if (escapeAt == start || _bytes[escapeAt - 1] != _escape)
                return (escapeAt, false);
        }
        return (end, true);
    }

    /// <summary>Matches <c>#\s*key\s*=\s*value</c> for the known directive keys.</summary>
    private bool TryReadDirective(int start, int end, out string name, out TextSpan nameSpan, out TextSpan valueSpan)
    {
        name = "";
        nameSpan = valueSpan = default;
        if (start >= end || _bytes[start] != (byte)'#')
            return false;
        var p = GoText.SkipSpace(_bytes, start + 1, end);
        var nameStart = p;
        if (p >= end || !char.IsAsciiLetter((char)_bytes[p]))
            return false;
        while (p < end && char.IsAsciiLetterOrDigit((char)_bytes[p]))
            p++;
        var nameEnd = p;
        while (p < end && IsRegexSpace(_bytes[p]))
            p++;
        if (p >= end || _bytes[p] != (byte)'=')
            return false;
        p++;
        var afterEquals = p;
        while (p < end && IsRegexSpace(_bytes[p]))
            p++;
        int valueStart, valueEnd;
        if (p == end)
        {
            // The value pattern needs one character; with only blanks after '=' it takes the last blank.
            if (afterEquals == end)
                return false;
            valueStart = end - 1;
            valueEnd = end;
        }
        else
        {
            valueStart = p;
            valueEnd = end;
            while (valueEnd > valueStart && IsRegexSpace(_bytes[valueEnd - 1]))
                valueEnd--;
        }
        var key = SourceText.Decode(_bytes.AsSpan(nameStart, nameEnd - nameStart)).ToLowerInvariant();
        if (key is not ("syntax" or "escape" or "check"))
            return false;
        name = key;
        nameSpan = TextSpan.FromBounds(nameStart, nameEnd);
        valueSpan = TextSpan.FromBounds(valueStart, valueEnd);
        return true;
    }

    private static bool IsRegexSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r';

    private static List<PhysicalLine> SplitLines(byte[] bytes)
    {
        var lines = new List<PhysicalLine>(bytes.AsSpan().Count((byte)'\n') + 1);
        var start = 0;
        var span = bytes.AsSpan();
        while (start < bytes.Length)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? bytes.Length : start + newline + 1;
            var contentEnd = end;
            while (contentEnd > start && bytes[contentEnd - 1] is (byte)'\n' or (byte)'\r')
                contentEnd--;
            lines.Add(new PhysicalLine(start, contentEnd, end));
            start = end;
        }
        return lines;
    }
}
