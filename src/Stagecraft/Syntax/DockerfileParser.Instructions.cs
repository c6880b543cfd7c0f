namespace Stagecraft.Syntax;

internal sealed partial class DockerfileParser
{
    private enum LineRole { Text, CommentInContinuation, EmptyContinuation }

    /// <summary>How one physical line of an instruction is laid out; used to emit its tokens.</summary>
    private readonly record struct InstructionLine(LineRole Role, int Index, int LeadingEnd, int TextEnd);

    private int ReadInstruction(int index, int nodeStart, int contentStart, int textStart, int textEnd, bool isEnd)
    {
        var firstIndex = index;
        var logical = new LogicalLine(_bytes, textStart, _segmentScratch);
        // The layout only serves the token stream, which linting does not ask for.
        var layout = _tokens is null ? null : new List<InstructionLine>(isEnd ? 1 : 4);
        logical.Append(textStart, textEnd - textStart);
        layout?.Add(new InstructionLine(LineRole.Text, index, textStart, textEnd));
        index++;

        List<int>? emptyContinuationLines = null;
        while (!isEnd && index < _lines.Count)
        {
            var line = _lines[index];
            var trimmed = GoText.SkipSpace(_bytes, line.Start, line.ContentEnd);
            if (trimmed < line.ContentEnd && _bytes[trimmed] == (byte)'#')
            {
                layout?.Add(new InstructionLine(LineRole.CommentInContinuation, index, trimmed, line.ContentEnd));
            }
            else if (trimmed == line.ContentEnd)
            {
                layout?.Add(new InstructionLine(LineRole.EmptyContinuation, index, line.ContentEnd, line.ContentEnd));
                (emptyContinuationLines ??= []).Add(index);
            }
            else
            {
                (textEnd, isEnd) = TrimContinuation(line.Start, line.ContentEnd);
                logical.Append(line.Start, textEnd - line.Start);
                layout?.Add(new InstructionLine(LineRole.Text, index, line.Start, textEnd));
            }
            index++;
        }

        var raw = LineSplitter.Split(logical, _escape, _argumentScratch);
        List<HeredocSyntax>? heredocs = null;
        List<SyntaxDiagnostic>? heredocDiagnostics = null;
        List<(int BodyStart, int BodyEnd, int TerminatorIndex)>? heredocLines = null;
        if (CanContainHeredoc(raw) && logical.Bytes.IndexOf("<<"u8) >= 0)
        {
            foreach (var found in HeredocMarkerReader.FindInLine(logical.Bytes, 0, logical.Length))
            {
                var bodyStart = index < _lines.Count ? _lines[index].Start : _bytes.Length;
                var terminatorIndex = -1;
                var name = SourceText.Encode(found.Marker.Name);
                while (index < _lines.Count)
                {
                    var line = _lines[index];
                    var candidate = _bytes.AsSpan(line.Start, line.ContentEnd - line.Start);
                    if (found.Marker.Chomp)
                        candidate = candidate.TrimStart((byte)'\t');
                    if (candidate.SequenceEqual(name))
                    {
                        terminatorIndex = index;
                        index++;
                        break;
                    }
                    index++;
                }
                var bodyEnd = terminatorIndex >= 0 ? _lines[terminatorIndex].Start : (index > 0 ? _lines[index - 1].End : 0);
                bodyEnd = Math.Max(bodyEnd, bodyStart);
                var terminatorSpan = terminatorIndex >= 0
                    ? TextSpan.FromBounds(_lines[terminatorIndex].Start, _lines[terminatorIndex].ContentEnd)
                    : new TextSpan(bodyEnd, 0);
                var markerSpan = logical.ToSourceSpan(found.Start, found.End);
                (heredocs ??= []).Add(new HeredocSyntax(found.Marker, markerSpan, TextSpan.FromBounds(bodyStart, bodyEnd), terminatorSpan,
                    SourceText.Decode(_bytes.AsSpan(bodyStart, bodyEnd - bodyStart)), terminatorIndex >= 0));
                (heredocLines ??= []).Add((bodyStart, bodyEnd, terminatorIndex));
                if (terminatorIndex < 0)
                    (heredocDiagnostics ??= []).Add(new SyntaxDiagnostic("unterminated-heredoc", DiagnosticSeverity.Error,
                        $"unterminated heredoc: no line \"{found.Marker.Name}\" ends it", markerSpan));
            }
        }

        var lastIndex = index - 1;
        var span = TextSpan.FromBounds(nodeStart, _lines[lastIndex].End);
        var instruction = InstructionFactory.Create(raw, logical, span, heredocs ?? (IReadOnlyList<HeredocSyntax>)[], firstIndex + 1, lastIndex + 1, _escape, _instructionDiagnostics);
        logical.Freeze();
        if (heredocDiagnostics is not null)
            instruction.AddDiagnostics(heredocDiagnostics);
        foreach (var empty in emptyContinuationLines ?? [])
        {
            instruction.AddDiagnostic(new SyntaxDiagnostic("empty-continuation", DiagnosticSeverity.Warning,
                "empty continuation line: blank lines inside a continued instruction will become errors in a future BuildKit release",
                TextSpan.FromBounds(_lines[empty].Start, _lines[empty].End)));
        }
        _nodes.Add(instruction);

        if (layout is not null)
            EmitInstructionTokens(instruction, layout, contentStart, heredocLines ?? []);
        return index;
    }

    private static bool CanContainHeredoc(RawInstruction raw)
    {
        var target = raw.Kind == InstructionKind.Onbuild && raw.Child is not null ? raw.Child : raw;
        return target.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add && !target.IsJson;
    }

    private void EmitInstructionTokens(InstructionSyntax instruction, List<InstructionLine> layout, int firstContentStart,
        List<(int BodyStart, int BodyEnd, int TerminatorIndex)> heredocLines)
    {

        for (var i = 0; i < layout.Count; i++)
        {
            var item = layout[i];
            var line = _lines[item.Index];
            var lineContentStart = i == 0 ? firstContentStart : line.Start;
            switch (item.Role)
            {
                case LineRole.CommentInContinuation:
                    AddWhitespace(lineContentStart, item.LeadingEnd);
                    AddToken(SyntaxTokenKind.Comment, item.LeadingEnd, line.ContentEnd);
                    break;
                case LineRole.EmptyContinuation:
                    AddWhitespace(lineContentStart, line.ContentEnd);
                    break;
                default:
                    AddWhitespace(lineContentStart, item.LeadingEnd);
                    EmitText(item.LeadingEnd, item.TextEnd, instruction);
                    AddToken(SyntaxTokenKind.LineContinuation, item.TextEnd, line.ContentEnd);
                    break;
            }
            AddToken(SyntaxTokenKind.Newline, line.ContentEnd, line.End);
        }

        foreach (var (bodyStart, bodyEnd, terminatorIndex) in heredocLines)
        {
            AddToken(SyntaxTokenKind.HeredocBody, bodyStart, bodyEnd);
            if (terminatorIndex >= 0)
            {
                var terminator = _lines[terminatorIndex];
                AddToken(SyntaxTokenKind.HeredocTerminator, terminator.Start, terminator.ContentEnd);
                AddToken(SyntaxTokenKind.Newline, terminator.ContentEnd, terminator.End);
            }
        }
    }


    /// <summary>Splits a line's instruction text into whitespace and word tokens, naming words that are the keyword or a flag.</summary>
    private void EmitText(int start, int end, InstructionSyntax instruction)
    {
        var p = start;
        while (p < end)
        {
            var runStart = p;
            var rest = _bytes.AsSpan(p, end - p);
            if (IsBlank(_bytes[p]))
            {
                var blanks = rest.IndexOfAnyExcept(Blanks);
                p = blanks < 0 ? end : p + blanks;
                AddWhitespace(runStart, p);
                continue;
            }
            var word = rest.IndexOfAny(Blanks);
            p = word < 0 ? end : p + word;
            AddToken(Classify(instruction, runStart), runStart, p);
        }
    }

    /// <summary>Whether a word starting at <paramref name="offset"/> is the instruction name, a flag, or other text (ONBUILD's trigger included).</summary>
    private static SyntaxTokenKind Classify(InstructionSyntax instruction, int offset)
    {
        for (var current = instruction; current is not null; current = (current as OnbuildInstructionSyntax)?.Trigger)
        {
            if (current.KeywordSpan.Contains(offset))
                return SyntaxTokenKind.Keyword;
            foreach (var flag in current.Flags)
            {
                if (flag.Span.Contains(offset))
                    return SyntaxTokenKind.Flag;
            }
        }
        return SyntaxTokenKind.Text;
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static readonly System.Buffers.SearchValues<byte> Blanks = System.Buffers.SearchValues.Create(" \t\v\f\r"u8);
}
