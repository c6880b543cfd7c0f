using System.Buffers;

namespace Stagecraft.Semantics.Shell;

/// <summary>
/// Splits script text into tokens on demand for <see cref="ShellParser"/>. Word scanning calls back into the parser for
/// <c>$( … )</c> and backquotes, so commands inside substitutions are parsed in place with positions in the same text.
/// Every loop moves forward through the text, which keeps reading linear in its length.
/// </summary>
internal sealed class ShellLexer
{
    private const int MaxParameterNesting = 64;

    private static readonly SearchValues<char> DoubleQuoteSpecials = SearchValues.Create("\"\\$`");

    // Everything that ends an unquoted word or needs a closer look; other characters are copied in runs.
    private static readonly SearchValues<char> WordSpecials = SearchValues.Create(" \t\r\f\v\n;&|<>()\\'\"$`*?[]");

    private readonly string _text;
    private readonly ShellParser _parser;
    private readonly List<ShellWordBuilder> _builders;
    private readonly List<ShellRedirection> _pendingHereDocs = new();
    private int _end;
    private int _wordNesting;
    private int _parameterNesting;

    public ShellLexer(string text, ShellParser parser, List<ShellWordBuilder> builders)
    {
        _text = text;
        _parser = parser;
        _builders = builders;
        _end = text.Length;
    }

    /// <summary>Where the next token starts scanning.</summary>
    public int Position { get; set; }

    /// <summary>Where input ends for now; lowered while the inside of a backquoted substitution is parsed.</summary>
    public int Limit
    {
        get => _end;
        set => _end = value;
    }

    /// <summary>Queues a here-document whose body starts after the next newline token.</summary>
    public void AddPendingHereDoc(ShellRedirection redirection) => _pendingHereDocs.Add(redirection);

    /// <summary>Reports here-documents that never got a body because the script ended first.</summary>
    public void FinishPendingHereDocs()
    {
        foreach (var hereDoc in _pendingHereDocs)
        {
            hereDoc.SetHereDocBody(_text.Length, _text.Length, terminated: false);
            _parser.Report(ShellDiagnosticKind.UnterminatedHereDoc, hereDoc.Span,
                $"here-document delimited by '{hereDoc.HereDocDelimiter}' has no body");
        }
        _pendingHereDocs.Clear();
    }

    public ShellToken Next()
    {
        SkipBlanksAndComments();
        var start = Position;
        if (start >= _end)
            return new ShellToken(ShellTokenKind.EndOfInput, _end, _end);

        var c = _text[start];
        switch (c)
        {
            case '\n':
                Position = start + 1;
                if (_pendingHereDocs.Count > 0)
                    ReadHereDocBodies();
                return new ShellToken(ShellTokenKind.NewLine, start, start + 1);
            case '&':
                if (At(start + 1, '&'))
                    return Operator(ShellTokenKind.AndIf, start, 2);
                if (At(start + 1, '>'))
                    return At(start + 2, '>') ? Operator(ShellTokenKind.AndDoubleGreat, start, 3) : Operator(ShellTokenKind.AndGreat, start, 2);
                return Operator(ShellTokenKind.Ampersand, start, 1);
            case '|':
                if (At(start + 1, '|'))
                    return Operator(ShellTokenKind.OrIf, start, 2);
                if (At(start + 1, '&'))
                    return Operator(ShellTokenKind.PipeAll, start, 2);
                return Operator(ShellTokenKind.Pipe, start, 1);
            case ';':
                if (At(start + 1, ';'))
                    return At(start + 2, '&') ? Operator(ShellTokenKind.DoubleSemicolonAmpersand, start, 3) : Operator(ShellTokenKind.DoubleSemicolon, start, 2);
                if (At(start + 1, '&'))
                    return Operator(ShellTokenKind.SemicolonAmpersand, start, 2);
                return Operator(ShellTokenKind.Semicolon, start, 1);
            case '(':
                return Operator(ShellTokenKind.LeftParen, start, 1);
            case ')':
                return Operator(ShellTokenKind.RightParen, start, 1);
            case '<':
                if (At(start + 1, '('))
                    return ReadProcessSubstitution(start);
                if (At(start + 1, '<'))
                {
                    if (At(start + 2, '<'))
                        return Operator(ShellTokenKind.TripleLess, start, 3);
                    return At(start + 2, '-') ? Operator(ShellTokenKind.DoubleLessDash, start, 3) : Operator(ShellTokenKind.DoubleLess, start, 2);
                }
                if (At(start + 1, '&'))
                    return Operator(ShellTokenKind.LessAnd, start, 2);
                if (At(start + 1, '>'))
                    return Operator(ShellTokenKind.LessGreat, start, 2);
                return Operator(ShellTokenKind.Less, start, 1);
            case '>':
                if (At(start + 1, '('))
                    return ReadProcessSubstitution(start);
                if (At(start + 1, '>'))
                    return Operator(ShellTokenKind.DoubleGreat, start, 2);
                if (At(start + 1, '&'))
                    return Operator(ShellTokenKind.GreatAnd, start, 2);
                if (At(start + 1, '|'))
                    return Operator(ShellTokenKind.Clobber, start, 2);
                return Operator(ShellTokenKind.Great, start, 1);
        }

        if (char.IsAsciiDigit(c))
        {
            var p = start + 1;
            while (p < _end && char.IsAsciiDigit(_text[p]))
                p++;
            if (p < _end && _text[p] is '<' or '>')
            {
                Position = p;
                return new ShellToken(ShellTokenKind.IoNumber, start, p);
            }
        }

        return ReadWord(start);
    }

    /// <summary>
    /// Finds the end of the <c>(( … ))</c> of an arithmetic expansion, command or <c>for</c>; <paramref name="from"/> is
    /// just past the opening pair. Returns false, without moving, when a lone <c>)</c> shows the text is really nested
    /// parentheses (<c>$((cd x) | y)</c>), which the shell then reads as a subshell or command substitution.
    /// </summary>
    public bool TrySkipArithmetic(int from, int openedAt, out int end)
    {
        var depth = 0;
        var p = from;
        while (p < _end)
        {
            var c = _text[p];
            switch (c)
            {
                case '\\':
                    p += 2;
                    continue;
                case '\'':
                case '"':
                    p = SkipQuotedRaw(p);
                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (depth > 0)
                    {
                        depth--;
                    }
                    else if (At(p + 1, ')'))
                    {
                        end = p + 2;
                        return true;
                    }
                    else
                    {
                        end = from;
                        return false;
                    }
                    break;
            }
            p++;
        }
        _parser.Report(ShellDiagnosticKind.Unterminated, ShellSpan.FromBounds(openedAt, Math.Min(openedAt + 2, _end)), "'((' is never closed with '))'");
        end = _end;
        return true;
    }

    /// <summary>Skips a parenthesised region without parsing it; <paramref name="open"/> is at its <c>(</c>. Used past the nesting limit and for process substitution.</summary>
    public int SkipBalancedRaw(int open)
    {
        var depth = 0;
        var p = open;
        while (p < _end)
        {
            var c = _text[p];
            switch (c)
            {
                case '\\':
                    p += 2;
                    continue;
                case '\'':
                case '"':
                case '`':
                    p = SkipQuotedRaw(p);
                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    if (depth == 0)
                        return p + 1;
                    break;
            }
            p++;
        }
        _parser.Report(ShellDiagnosticKind.Unterminated, new ShellSpan(open, 1), "'(' is never closed");
        return _end;
    }

    private bool At(int index, char c) => index < _end && _text[index] == c;

    private ShellToken Operator(ShellTokenKind kind, int start, int length)
    {
        Position = start + length;
        return new ShellToken(kind, start, start + length);
    }

    private void SkipBlanksAndComments()
    {
        var p = Position;
        while (p < _end)
        {
            var c = _text[p];
            if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                p++;
            }
            else if (c == '\\' && At(p + 1, '\n'))
            {
                p += 2;
            }
            else if (c == '\\' && At(p + 1, '\r') && At(p + 2, '\n'))
            {
                p += 3;
            }
            else if (c == '#')
            {
                var newline = _text.AsSpan(p, _end - p).IndexOf('\n');
                p = newline < 0 ? _end : p + newline;
            }
            else
            {
                break;
            }
        }
        Position = p;
    }

    private void ReadHereDocBodies()
    {
        // Bodies follow the newline in the order their operators were written.
        var p = Position;
        foreach (var hereDoc in _pendingHereDocs)
        {
            var delimiter = hereDoc.HereDocDelimiter ?? string.Empty;
            var stripTabs = hereDoc.Operator == ShellRedirectionOperator.HereDocStripTabs;
            var bodyStart = p;
            var terminated = false;
            var bodyEnd = _end;
            while (p < _end)
            {
                var lineStart = p;
                var newline = _text.AsSpan(p, _end - p).IndexOf('\n');
                var lineEnd = newline < 0 ? _end : p + newline;
                var next = newline < 0 ? _end : lineEnd + 1;
                var compareStart = lineStart;
                if (stripTabs)
                {
                    while (compareStart < lineEnd && _text[compareStart] == '\t')
                        compareStart++;
                }
                var compareEnd = lineEnd;
                if (compareEnd > compareStart && _text[compareEnd - 1] == '\r')
                    compareEnd--;
                p = next;
                if (_text.AsSpan(compareStart, compareEnd - compareStart).SequenceEqual(delimiter))
                {
                    bodyEnd = lineStart;
                    terminated = true;
                    break;
                }
            }
            hereDoc.SetHereDocBody(bodyStart, terminated ? bodyEnd : _end, terminated);
            if (!terminated)
            {
                _parser.Report(ShellDiagnosticKind.UnterminatedHereDoc, hereDoc.Span,
                    $"here-document is never ended by a '{delimiter}' line");
            }
        }
        _pendingHereDocs.Clear();
        Position = p;
    }

    private ShellToken ReadProcessSubstitution(int start)
    {
        // Out of scope for analysis: keep `<( … )` as one opaque word so its contents do not split the command.
        var end = SkipBalancedRaw(start + 1);
        Position = end;
        var raw = _text.Substring(start, end - start);
        return new ShellToken(ShellTokenKind.Word, start, end, new ShellWord(_text, start, end, raw, ShellWordFlags.Expansion));
    }

    private ShellWordBuilder RentBuilder(int start)
    {
        if (_wordNesting == _builders.Count)
            _builders.Add(new ShellWordBuilder());
        var builder = _builders[_wordNesting];
        builder.Reset(_text, start);
        return builder;
    }

    private ShellToken ReadWord(int start)
    {
        var w = RentBuilder(start);
        _wordNesting++;
        try
        {
            var p = start;
            var sawOpenBracket = false;
            while (p < _end)
            {
                var c = _text[p];
                switch (c)
                {
                    case ' ' or '\t' or '\r' or '\f' or '\v' or '\n' or ';' or '&' or '|' or '<' or '>' or ')':
                        goto Done;
                    case '(':
                        if (!IsArrayAssignmentPrefix(start, p))
                            goto Done;
                        var close = SkipBalancedRaw(p);
                        w.Verbatim(p, close);
                        p = close;
                        continue;
                    case '\\':
                        p = ReadEscape(p, w);
                        continue;
                    case '\'':
                        p = ReadSingleQuoted(p, w);
                        continue;
                    case '"':
                        p = ReadDoubleQuoted(p, w);
                        continue;
                    case '$':
                        p = ReadDollar(p, w, inDoubleQuotes: false);
                        continue;
                    case '`':
                        p = ReadBackquoted(p, w);
                        continue;
                    case '*' or '?':
                        w.Flags |= ShellWordFlags.Glob;
                        break;
                    case '[':
                        sawOpenBracket = true;
                        break;
                    case ']':
                        if (sawOpenBracket)
                            w.Flags |= ShellWordFlags.Glob;
                        break;
                    default:
                        var run = _text.AsSpan(p, _end - p).IndexOfAny(WordSpecials);
                        var runEnd = run < 0 ? _end : p + run;
                        w.Verbatim(p, runEnd);
                        p = runEnd;
                        continue;
                }
                w.Verbatim(p, p + 1);
                p++;
            }
        Done:
            Position = p;
            var word = new ShellWord(_text, start, p, w.Build(p), w.Flags);
            return new ShellToken(ShellTokenKind.Word, start, p, word);
        }
        finally
        {
            _wordNesting--;
        }
    }

    private bool IsArrayAssignmentPrefix(int start, int p)
    {
        // `name=(a b)` and `name+=(c)` are bash array assignments; the parenthesised list belongs to the word.
        var i = p - 1;
        if (i < start || _text[i] != '=')
            return false;
        if (i - 1 >= start && _text[i - 1] == '+')
            i--;
        if (i == start || !ShellAssignment.IsNameStart(_text[start]))
            return false;
        for (var k = start + 1; k < i; k++)
        {
            if (!ShellAssignment.IsNameChar(_text[k]))
                return false;
        }
        return true;
    }

    private int ReadEscape(int p, ShellWordBuilder w)
    {
        if (p + 1 >= _end)
        {
            w.Verbatim(p, p + 1);
            return p + 1;
        }
        var next = _text[p + 1];
        w.Diverge(p);
        if (next == '\n')
            return p + 2;
        if (next == '\r' && At(p + 2, '\n'))
            return p + 3;
        w.Flags |= ShellWordFlags.Quoted;
        w.Append(next);
        return p + 2;
    }

    private int ReadSingleQuoted(int p, ShellWordBuilder w)
    {
        w.Diverge(p);
        w.Flags |= ShellWordFlags.Quoted;
        var close = _text.AsSpan(p + 1, _end - p - 1).IndexOf('\'');
        if (close < 0)
        {
            _parser.Report(ShellDiagnosticKind.Unterminated, new ShellSpan(p, 1), "single quote is never closed");
            w.Append(_text, p + 1, _end - p - 1);
            return _end;
        }
        w.Append(_text, p + 1, close);
        return p + 1 + close + 1;
    }

    private int ReadDoubleQuoted(int p, ShellWordBuilder w)
    {
        w.Diverge(p);
        w.Flags |= ShellWordFlags.Quoted;
        var q = p + 1;
        while (q < _end)
        {
            var run = _text.AsSpan(q, _end - q).IndexOfAny(DoubleQuoteSpecials);
            if (run < 0)
            {
                w.Append(_text, q, _end - q);
                q = _end;
                break;
            }
            w.Append(_text, q, run);
            q += run;
            switch (_text[q])
            {
                case '"':
                    return q + 1;
                case '\\':
                    if (q + 1 >= _end)
                    {
                        w.Append('\\');
                        q++;
                    }
                    else if (_text[q + 1] is '$' or '`' or '"' or '\\')
                    {
                        w.Append(_text[q + 1]);
                        q += 2;
                    }
                    else if (_text[q + 1] == '\n')
                    {
                        q += 2;
                    }
                    else if (_text[q + 1] == '\r' && At(q + 2, '\n'))
                    {
                        q += 3;
                    }
                    else
                    {
                        // Inside double quotes a backslash before other characters is kept.
                        w.Append('\\');
                        q++;
                    }
                    break;
                case '$':
                    q = ReadDollar(q, w, inDoubleQuotes: true);
                    break;
                default:
                    q = ReadBackquoted(q, w);
                    break;
            }
        }
        _parser.Report(ShellDiagnosticKind.Unterminated, new ShellSpan(p, 1), "double quote is never closed");
        return _end;
    }

    private int ReadDollar(int p, ShellWordBuilder w, bool inDoubleQuotes)
    {
        if (p + 1 >= _end)
        {
            w.Verbatim(p, p + 1);
            return p + 1;
        }
        var next = _text[p + 1];
        int end;
        switch (next)
        {
            case '(':
                if (At(p + 2, '(') && TrySkipArithmetic(p + 3, p, out end))
                {
                    w.Flags |= ShellWordFlags.Expansion;
                }
                else
                {
                    w.Suspend();
                    end = _parser.ParseCommandSubstitution(p);
                    w.Resume();
                    w.Flags |= ShellWordFlags.Expansion | ShellWordFlags.CommandSubstitution;
                }
                break;
            case '{':
                w.Suspend();
                end = ReadParameterBraces(p, w, inDoubleQuotes);
                w.Resume();
                w.Flags |= ShellWordFlags.Expansion;
                break;
            case '\'' when !inDoubleQuotes:
                return ReadAnsiCQuoted(p, w);
            case '"' when !inDoubleQuotes:
                // $"…" is a locale-translated string: treat as an ordinary double-quoted string without the `$`.
                w.Diverge(p);
                return ReadDoubleQuoted(p + 1, w);
            case '@' or '*' or '#' or '?' or '-' or '$' or '!' or (>= '0' and <= '9'):
                end = p + 2;
                w.Flags |= ShellWordFlags.Expansion;
                break;
            default:
                if (!ShellAssignment.IsNameStart(next))
                {
                    w.Verbatim(p, p + 1);
                    return p + 1;
                }
                end = p + 2;
                while (end < _end && ShellAssignment.IsNameChar(_text[end]))
                    end++;
                w.Flags |= ShellWordFlags.Expansion;
                break;
        }
        w.Verbatim(p, end);
        return end;
    }

    private int ReadParameterBraces(int p, ShellWordBuilder w, bool inDoubleQuotes)
    {
        // POSIX: the closing `}` is the first one not escaped, quoted, or inside a nested expansion.
        if (_parameterNesting >= MaxParameterNesting)
        {
            _parser.ReportNestingTooDeep(p);
            var close = _text.AsSpan(p, _end - p).IndexOf('}');
            return close < 0 ? _end : p + close + 1;
        }
        _parameterNesting++;
        try
        {
            var q = p + 2;
            while (q < _end)
            {
                switch (_text[q])
                {
                    case '}':
                        return q + 1;
                    case '\\':
                        q += 2;
                        break;
                    case '\'' when !inDoubleQuotes:
                        var close = _text.AsSpan(q + 1, _end - q - 1).IndexOf('\'');
                        if (close < 0)
                        {
                            q = _end;
                            break;
                        }
                        q += close + 2;
                        break;
                    case '"':
                        q = ReadDoubleQuoted(q, w);
                        break;
                    case '$':
                        q = ReadDollar(q, w, inDoubleQuotes);
                        break;
                    case '`':
                        q = ReadBackquoted(q, w);
                        break;
                    default:
                        q++;
                        break;
                }
            }
            _parser.Report(ShellDiagnosticKind.Unterminated, new ShellSpan(p, 2), "'${' is never closed with '}'");
            return _end;
        }
        finally
        {
            _parameterNesting--;
        }
    }

    private int ReadBackquoted(int p, ShellWordBuilder w)
    {
        var q = p + 1;
        while (q < _end && _text[q] != '`')
            q += _text[q] == '\\' ? 2 : 1;
        int end;
        int contentEnd;
        if (q >= _end)
        {
            _parser.Report(ShellDiagnosticKind.Unterminated, new ShellSpan(p, 1), "backquote is never closed");
            contentEnd = _end;
            end = _end;
        }
        else
        {
            contentEnd = q;
            end = q + 1;
        }
        w.Suspend();
        _parser.ParseBackquoted(p + 1, contentEnd);
        w.Resume();
        w.Flags |= ShellWordFlags.Expansion | ShellWordFlags.CommandSubstitution;
        w.Verbatim(p, end);
        return end;
    }

    private int ReadAnsiCQuoted(int p, ShellWordBuilder w)
    {
        w.Diverge(p);
        w.Flags |= ShellWordFlags.Quoted;
        var q = p + 2;
        while (q < _end)
        {
            var c = _text[q];
            if (c == '\'')
                return q + 1;
            if (c != '\\' || q + 1 >= _end)
            {
                w.Append(c);
                q++;
                continue;
            }
            var e = _text[q + 1];
            q += 2;
            switch (e)
            {
                case 'n': w.Append('\n'); break;
                case 't': w.Append('\t'); break;
                case 'r': w.Append('\r'); break;
                case 'a': w.Append('\a'); break;
                case 'b': w.Append('\b'); break;
                case 'f': w.Append('\f'); break;
                case 'v': w.Append('\v'); break;
                case 'e' or 'E': w.Append('\u001b'); break;
                case '\\' or '\'' or '"' or '?': w.Append(e); break;
                case 'x' or 'u' or 'U':
                    var codePoint = ReadHex(ref q, e == 'x' ? 2 : e == 'u' ? 4 : 8, out var hexDigits);
                    if (hexDigits == 0)
                    {
                        w.Append('\\');
                        w.Append(e);
                    }
                    else
                    {
                        w.AppendCodePoint(codePoint);
                    }
                    break;
                case 'c':
                    if (q < _end)
                    {
                        w.Append((char)(_text[q] & 0x1f));
                        q++;
                    }
                    break;
                case >= '0' and <= '7':
                    var value = e - '0';
                    for (var i = 0; i < 2 && q < _end && _text[q] is >= '0' and <= '7'; i++, q++)
                        value = value * 8 + (_text[q] - '0');
                    w.Append((char)(value & 0xff));
                    break;
                default:
                    w.Append('\\');
                    w.Append(e);
                    break;
            }
        }
        _parser.Report(ShellDiagnosticKind.Unterminated, new ShellSpan(p, 2), "$' string is never closed");
        return _end;
    }

    private int ReadHex(ref int q, int maxDigits, out int digits)
    {
        var value = 0;
        digits = 0;
        while (digits < maxDigits && q < _end && char.IsAsciiHexDigit(_text[q]))
        {
            var c = _text[q];
            value = value * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            q++;
            digits++;
        }
        return value;
    }

    private int SkipQuotedRaw(int p)
    {
        var quote = _text[p];
        var q = p + 1;
        while (q < _end && _text[q] != quote)
            q += quote != '\'' && _text[q] == '\\' ? 2 : 1;
        return q >= _end ? _end : q + 1;
    }
}
