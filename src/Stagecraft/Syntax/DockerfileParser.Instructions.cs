namespace Stagecraft.Syntax;

internal sealed partial class DockerfileParser
{
    private enum LineRole { Text, CommentInContinuation, EmptyContinuation }

    /// <summary>How one physical line of an instruction is laid out; used to emit its tokens.</summary>
    private readonly record struct InstructionLine(LineRole Role, int Index, int LeadingEnd, int TextEnd);

    private int ReadInstruction(int index, int nodeStart, int contentStart, int textStart, int textEnd, bool isEnd)
    {
        var firstIndex = index;
        var logical = new LogicalLine(textStart, textEnd - textStart + 16);
        var layout = new List<InstructionLine>();
        logical.Append(_bytes, textStart, textEnd - textStart);
        layout.Add(new InstructionLine(LineRole.Text, index, textStart, textEnd));
        index++;

        var emptyContinuationLines = new List<int>();
        while (!isEnd && index < _lines.Count)
        {
            var line = _lines[index];
            var trimmed = GoText.SkipSpace(_bytes, line.Start, line.ContentEnd);
            if (trimmed < line.ContentEnd && _bytes[trimmed] == (byte)'#')
            {
                layout.Add(new InstructionLine(LineRole.CommentInContinuation, index, trimmed, line.ContentEnd));
            }
            else if (trimmed == line.ContentEnd)
            {
                layout.Add(new InstructionLine(LineRole.EmptyContinuation, index, line.ContentEnd, line.ContentEnd));
                emptyContinuationLines.Add(index);
            }
            else
            {
                (textEnd, isEnd) = TrimContinuation(line.Start, line.ContentEnd);
                logical.Append(_bytes, line.Start, textEnd - line.Start);
                layout.Add(new InstructionLine(LineRole.Text, index, line.Start, textEnd));
            }
            index++;
        }

        var raw = LineSplitter.Split(logical.Bytes, _escape);
        var heredocs = new List<HeredocSyntax>();
        var heredocDiagnostics = new List<SyntaxDiagnostic>();
        var heredocLines = new List<(int BodyStart, int BodyEnd, int TerminatorIndex)>();
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
                heredocs.Add(new HeredocSyntax(found.Marker, markerSpan, TextSpan.FromBounds(bodyStart, bodyEnd), terminatorSpan,
                    SourceText.Decode(_bytes.AsSpan(bodyStart, bodyEnd - bodyStart)), terminatorIndex >= 0));
                heredocLines.Add((bodyStart, bodyEnd, terminatorIndex));
                if (terminatorIndex < 0)
                    heredocDiagnostics.Add(new SyntaxDiagnostic("unterminated-heredoc", DiagnosticSeverity.Error,
                        $"unterminated heredoc: no line \"{found.Marker.Name}\" ends it", markerSpan));
            }
        }

        var lastIndex = index - 1;
        var span = TextSpan.FromBounds(nodeStart, _lines[lastIndex].End);
        var instruction = InstructionFactory.Create(raw, logical, span, heredocs, firstIndex + 1, lastIndex + 1, _escape);
        instruction.AddDiagnostics(heredocDiagnostics);
        foreach (var empty in emptyContinuationLines)
        {
            instruction.AddDiagnostic(new SyntaxDiagnostic("empty-continuation", DiagnosticSeverity.Warning,
                "empty continuation line: blank lines inside a continued instruction will become errors in a future BuildKit release",
                TextSpan.FromBounds(_lines[empty].Start, _lines[empty].End)));
        }
        _nodes.Add(instruction);

        EmitInstructionTokens(instruction, layout, contentStart, heredocLines);
        return index;
    }

    private static bool CanContainHeredoc(RawInstruction raw)
    {
        var target = raw.KeywordLower == "onbuild" && raw.Child is not null ? raw.Child : raw;
        return target.KeywordLower is "run" or "copy" or "add" && !target.IsJson;
    }

    private void EmitInstructionTokens(InstructionSyntax instruction, List<InstructionLine> layout, int firstContentStart,
        List<(int BodyStart, int BodyEnd, int TerminatorIndex)> heredocLines)
    {
        var flagSpans = new List<TextSpan>();
        CollectFlagSpans(instruction, flagSpans);
        var keywordSpans = new List<TextSpan> { instruction.KeywordSpan };
        if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
            keywordSpans.Add(trigger.KeywordSpan);

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
                    EmitText(item.LeadingEnd, item.TextEnd, keywordSpans, flagSpans);
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

    private static void CollectFlagSpans(InstructionSyntax instruction, List<TextSpan> spans)
    {
        foreach (var flag in instruction.Flags)
            spans.Add(flag.Span);
        if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
            CollectFlagSpans(trigger, spans);
    }

    /// <summary>Splits a line's instruction text into whitespace and word tokens, naming words that are the keyword or a flag.</summary>
    private void EmitText(int start, int end, List<TextSpan> keywordSpans, List<TextSpan> flagSpans)
    {
        var p = start;
        while (p < end)
        {
            var runStart = p;
            if (IsBlank(_bytes[p]))
            {
                while (p < end && IsBlank(_bytes[p]))
                    p++;
                AddWhitespace(runStart, p);
                continue;
            }
            while (p < end && !IsBlank(_bytes[p]))
                p++;
            var kind = SyntaxTokenKind.Text;
            if (keywordSpans.Any(s => s.Contains(runStart)))
                kind = SyntaxTokenKind.Keyword;
            else if (flagSpans.Any(s => s.Contains(runStart)))
                kind = SyntaxTokenKind.Flag;
            AddToken(kind, runStart, p);
        }
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
