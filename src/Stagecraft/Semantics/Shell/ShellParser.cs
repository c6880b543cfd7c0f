using System.Runtime.CompilerServices;

namespace Stagecraft.Semantics.Shell;

/// <summary>
/// Recursive-descent reader of the POSIX shell grammar (plus common bash forms) that collects simple commands and
/// diagnostics. It recovers from every error by reporting it and consuming at least one token, so it always ends.
/// Nesting beyond <see cref="MaxDepth"/> is skipped rather than followed, which bounds recursion and stack use.
/// </summary>
internal sealed class ShellParser
{
    internal const int MaxDepth = 100;
    internal const int MaxDiagnostics = 200;

    private readonly string _text;
    private readonly ShellLexer _lexer;
    private readonly List<ShellCommand> _commands;
    private readonly List<ShellDiagnostic> _diagnostics;
    private readonly List<int[]> _expectationPool;
    private readonly List<List<ShellWord>> _wordScratch;
    private readonly List<List<ShellAssignment>> _assignmentScratch;
    private readonly List<List<ShellRedirection>> _redirectionScratch;
    private int _simpleCommandNesting;
    private int _substitutionNesting;
    private int[] _expected;
    private ShellToken _current;
    private ShellContext _context;
    private int _depth;
    private bool _reportedTooDeep;
    private bool _diagnosticsTruncated;

    /// <param name="buffers">Working lists to use, cleared as they are taken up; the parser keeps none of them in its results.</param>
    public ShellParser(string text, ShellReaderBuffers buffers)
    {
        _text = text;
        _commands = buffers.Commands;
        _diagnostics = buffers.Diagnostics;
        _commands.Clear();
        _diagnostics.Clear();
        _expectationPool = buffers.Expectations;
        _wordScratch = buffers.Words;
        _assignmentScratch = buffers.Assignments;
        _redirectionScratch = buffers.Redirections;
        _expected = buffers.TopLevelExpectations;
        _lexer = new ShellLexer(text, this, buffers.Builders);
    }

    /// <summary>The commands read, copied out of the reusable list at their exact number.</summary>
    public ItemList<ShellCommand> Commands => _commands.Count == 0 ? ItemList<ShellCommand>.Empty : _commands.ToArray();

    public ItemList<ShellDiagnostic> Diagnostics => _diagnostics.Count == 0 ? ItemList<ShellDiagnostic>.Empty : _diagnostics.ToArray();

    public void Parse()
    {
        try
        {
            Advance();
            // At top level nothing awaits a terminator, so only the end of input stops the list.
            ParseList();
            _lexer.FinishPendingHereDocs();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The contract is to never throw on any input; keep what was read and say the reader failed.
            _diagnosticsTruncated = false;
            Report(ShellDiagnosticKind.InternalError, new ShellSpan(Math.Min(_current.Start, _text.Length), 0),
                $"shell reader failed: {ex.GetType().Name}: {ex.Message}", force: true);
        }
        // Substitutions finish before the command holding them, so restore source order; outer commands start first.
        // Most scripts have no substitution and are in order already.
        if (!IsInSourceOrder(_commands))
            _commands.SortInPlace(static (a, b) => CompareSourceOrder(a, b));
    }

    private static int CompareSourceOrder(ShellCommand a, ShellCommand b) => a.Span.Start != b.Span.Start
        ? a.Span.Start.CompareTo(b.Span.Start)
        : b.Span.Length.CompareTo(a.Span.Length);

    private static bool IsInSourceOrder(List<ShellCommand> commands)
    {
        for (var i = 1; i < commands.Count; i++)
        {
            if (CompareSourceOrder(commands[i - 1], commands[i]) >= 0)
                return false;
        }
        return true;
    }

    internal void Report(ShellDiagnosticKind kind, ShellSpan span, string message, bool force = false)
    {
        if (!force && _diagnostics.Count >= MaxDiagnostics)
        {
            if (!_diagnosticsTruncated)
            {
                _diagnosticsTruncated = true;
                _diagnostics.Add(new ShellDiagnostic(ShellDiagnosticKind.TooManyDiagnostics, span, "too many problems; later ones are not reported"));
            }
            return;
        }
        _diagnostics.Add(new ShellDiagnostic(kind, span, message));
    }

    internal void ReportNestingTooDeep(int position)
    {
        if (_reportedTooDeep)
            return;
        _reportedTooDeep = true;
        Report(ShellDiagnosticKind.NestingTooDeep, new ShellSpan(Math.Min(position, _text.Length), 0),
            $"nesting deeper than {MaxDepth} levels is skipped, not analysed");
    }

    /// <summary>Parses the commands of <c>$( … )</c> whose <c>$</c> is at <paramref name="dollar"/>; returns the offset just past its <c>)</c>.</summary>
    internal int ParseCommandSubstitution(int dollar)
    {
        var open = dollar + 1;
        if (!TryEnter(ShellContext.CommandSubstitution, dollar, out var saved))
            return _lexer.SkipBalancedRaw(open);
        var savedToken = _current;
        var savedExpected = _expected;
        _expected = RentExpectations();
        _expected[(int)ShellTerminator.RightParen] = 1;
        try
        {
            _lexer.Position = open + 1;
            Advance();
            ParseList();
            if (_current.Kind == ShellTokenKind.RightParen)
                return _current.End;
            Report(ShellDiagnosticKind.Unterminated, new ShellSpan(dollar, 2), "'$(' is never closed with ')'");
            return _lexer.Limit;
        }
        finally
        {
            ReturnExpectations(savedExpected);
            _current = savedToken;
            Exit(saved);
        }
    }

    /// <summary>Parses the commands between backquotes, <paramref name="start"/> to <paramref name="end"/> (the closing backquote).</summary>
    internal void ParseBackquoted(int start, int end)
    {
        if (!TryEnter(ShellContext.CommandSubstitution, start - 1, out var saved))
            return;
        var savedToken = _current;
        var savedExpected = _expected;
        var savedLimit = _lexer.Limit;
        var savedPosition = _lexer.Position;
        _expected = RentExpectations();
        try
        {
            _lexer.Limit = end;
            _lexer.Position = start;
            Advance();
            ParseList();
        }
        finally
        {
            _lexer.Limit = savedLimit;
            _lexer.Position = savedPosition;
            ReturnExpectations(savedExpected);
            _current = savedToken;
            Exit(saved);
        }
    }

    private int[] RentExpectations()
    {
        if (_substitutionNesting == _expectationPool.Count)
            _expectationPool.Add(new int[(int)ShellTerminator.Count]);
        var expectations = _expectationPool[_substitutionNesting++];
        Array.Clear(expectations);
        return expectations;
    }

    private void ReturnExpectations(int[] previous)
    {
        _substitutionNesting--;
        _expected = previous;
    }

    private void Advance() => _current = _lexer.Next();

    private bool TryEnter(ShellContext flag, int position, out ShellContext saved)
    {
        saved = _context;
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ReportNestingTooDeep(position);
            return false;
        }
        _context |= flag;
        _depth++;
        return true;
    }

    private void Exit(ShellContext saved)
    {
        _context = saved;
        _depth--;
    }

    private ref int Expected(ShellTerminator terminator) => ref _expected[(int)terminator];

    private ShellSpan CurrentSpan => ShellSpan.FromBounds(_current.Start, _current.End);

    private static ShellSpan SpanOf(ShellToken token) => ShellSpan.FromBounds(token.Start, token.End);

    private string CurrentText => _current.Kind == ShellTokenKind.EndOfInput ? "end of input" : _text.Substring(_current.Start, _current.End - _current.Start);

    private bool IsListTerminator()
    {
        switch (_current.Kind)
        {
            case ShellTokenKind.EndOfInput:
                return true;
            case ShellTokenKind.RightParen:
                return Expected(ShellTerminator.RightParen) > 0;
            case ShellTokenKind.DoubleSemicolon or ShellTokenKind.SemicolonAmpersand or ShellTokenKind.DoubleSemicolonAmpersand:
                return Expected(ShellTerminator.CaseItemEnd) > 0;
            case ShellTokenKind.Word:
                var word = _current.Word!;
                if (!word.IsLiteral || word.ValueSpan.Length > 4)
                    return false;
                return word.ValueSpan switch
                {
                    "}" => Expected(ShellTerminator.RightBrace) > 0,
                    "then" => Expected(ShellTerminator.Then) > 0,
                    "elif" => Expected(ShellTerminator.Elif) > 0,
                    "else" => Expected(ShellTerminator.Else) > 0,
                    "fi" => Expected(ShellTerminator.Fi) > 0,
                    "do" => Expected(ShellTerminator.Do) > 0,
                    "done" => Expected(ShellTerminator.Done) > 0,
                    "esac" => Expected(ShellTerminator.Esac) > 0,
                    _ => false,
                };
            default:
                return false;
        }
    }

    private void SkipNewLines()
    {
        while (_current.Kind == ShellTokenKind.NewLine)
            Advance();
    }

    private static void Connect(ShellCommand? last, ref bool connected, ShellOperator op)
    {
        if (connected)
            return;
        if (last is not null)
            last.Connector = op;
        connected = true;
    }

    private static void Link(ShellCommand? unit, ref ShellCommand? last, ref bool connected)
    {
        if (connected && last is not null && unit is not null)
        {
            last.Next = unit;
            unit.Previous = last;
        }
        last = unit;
        connected = false;
    }

    private void ParseList()
    {
        ShellCommand? last = null;
        var connected = false;
        while (true)
        {
            if (_current.Kind == ShellTokenKind.NewLine)
            {
                Connect(last, ref connected, ShellOperator.Newline);
                Advance();
                continue;
            }
            if (IsListTerminator())
                return;
            ParseAndOr(ref last, ref connected);
            switch (_current.Kind)
            {
                case ShellTokenKind.Semicolon:
                    Connect(last, ref connected, ShellOperator.Semicolon);
                    Advance();
                    break;
                case ShellTokenKind.Ampersand:
                    Connect(last, ref connected, ShellOperator.Background);
                    Advance();
                    break;
                case ShellTokenKind.NewLine:
                    break;
                default:
                    if (IsListTerminator())
                        return;
                    if (_current.Kind is ShellTokenKind.Word or ShellTokenKind.LeftParen or ShellTokenKind.IoNumber || _current.IsRedirection)
                        Report(ShellDiagnosticKind.UnexpectedToken, CurrentSpan, $"expected ';' or a newline before '{CurrentText}'");
                    // Otherwise the next command parse reports the token and consumes it.
                    break;
            }
        }
    }

    private void ParseAndOr(ref ShellCommand? last, ref bool connected)
    {
        ParsePipeline(ref last, ref connected);
        while (_current.Kind is ShellTokenKind.AndIf or ShellTokenKind.OrIf)
        {
            var op = _current;
            Connect(last, ref connected, op.Kind == ShellTokenKind.AndIf ? ShellOperator.And : ShellOperator.Or);
            Advance();
            SkipNewLines();
            if (IsListTerminator())
            {
                Report(ShellDiagnosticKind.MissingOperand, SpanOf(op), $"'{_text.Substring(op.Start, op.End - op.Start)}' is not followed by a command");
                return;
            }
            ParsePipeline(ref last, ref connected);
        }
    }

    private void ParsePipeline(ref ShellCommand? last, ref bool connected)
    {
        var negated = false;
        if (_current.IsKeyword("!"))
        {
            negated = true;
            Advance();
        }
        var afterPipe = false;
        while (true)
        {
            var unit = ParseCommand();
            if (unit is not null)
            {
                unit.IsNegated = negated;
                unit.IsInPipeline = afterPipe;
            }
            Link(unit, ref last, ref connected);
            if (_current.Kind is not (ShellTokenKind.Pipe or ShellTokenKind.PipeAll))
                return;
            if (unit is not null)
                unit.IsInPipeline = true;
            var op = _current;
            Connect(last, ref connected, op.Kind == ShellTokenKind.Pipe ? ShellOperator.Pipe : ShellOperator.PipeAll);
            Advance();
            SkipNewLines();
            if (IsListTerminator())
            {
                Report(ShellDiagnosticKind.MissingOperand, SpanOf(op), "'|' is not followed by a command");
                return;
            }
            afterPipe = true;
        }
    }

    /// <summary>Parses one pipeline element; returns it when it is a simple command, null for compound commands and errors.</summary>
    private ShellCommand? ParseCommand()
    {
        if (IsListTerminator())
        {
            Report(ShellDiagnosticKind.MissingOperand, CurrentSpan, $"expected a command before '{CurrentText}'");
            return null;
        }
        switch (_current.Kind)
        {
            case ShellTokenKind.Word:
                var word = _current.Word!;
                if (word.IsLiteral)
                {
                    switch (word.ValueSpan)
                    {
                        case "if":
                            ParseIf();
                            ParseTrailingRedirections();
                            return null;
                        case "while" or "until":
                            ParseWhile();
                            ParseTrailingRedirections();
                            return null;
                        case "for" or "select":
                            ParseFor();
                            ParseTrailingRedirections();
                            return null;
                        case "case":
                            ParseCase();
                            ParseTrailingRedirections();
                            return null;
                        case "{":
                            ParseBraceGroup();
                            ParseTrailingRedirections();
                            return null;
                        case "function":
                            ParseFunctionKeyword();
                            return null;
                        case "then" or "elif" or "else" or "fi" or "do" or "done" or "esac" or "}":
                            Report(ShellDiagnosticKind.UnexpectedToken, CurrentSpan, $"unexpected '{word.Value}'");
                            Advance();
                            return null;
                    }
                }
                return ParseSimpleCommand();
            case ShellTokenKind.IoNumber:
                return ParseSimpleCommand();
            case ShellTokenKind.LeftParen:
                if (IsArithmeticOpen() && _lexer.TrySkipArithmetic(_current.End + 1, _current.Start, out var arithmeticEnd))
                {
                    // `(( … ))` is an arithmetic command, not a command to report.
                    _lexer.Position = arithmeticEnd;
                    Advance();
                }
                else
                {
                    ParseSubshell();
                }
                ParseTrailingRedirections();
                return null;
            default:
                if (_current.IsRedirection)
                    return ParseSimpleCommand();
                Report(ShellDiagnosticKind.UnexpectedToken, CurrentSpan, $"unexpected '{CurrentText}'");
                Advance();
                return null;
        }
    }

    private bool IsArithmeticOpen() =>
        _current.Kind == ShellTokenKind.LeftParen
        && _lexer.Position == _current.End
        && _current.End < _lexer.Limit
        && _text[_current.End] == '(';

    private ShellCommand? ParseSimpleCommand()
    {
        var start = _current.Start;
        var end = start;
        // Words, assignments and redirections go to reusable lists (per nesting level, as substitutions re-enter here)
        // and are copied once to exact-size arrays.
        if (_simpleCommandNesting == _wordScratch.Count)
        {
            _wordScratch.Add(new List<ShellWord>());
            _assignmentScratch.Add(new List<ShellAssignment>());
            _redirectionScratch.Add(new List<ShellRedirection>());
        }
        var scratch = _wordScratch[_simpleCommandNesting];
        var assignmentScratch = _assignmentScratch[_simpleCommandNesting];
        var redirectionScratch = _redirectionScratch[_simpleCommandNesting];
        _simpleCommandNesting++;
        scratch.Clear();
        assignmentScratch.Clear();
        redirectionScratch.Clear();
        List<ShellWord>? words = null;
        List<ShellAssignment>? assignments = null;
        List<ShellRedirection>? redirections = null;
        while (true)
        {
            if (_current.Kind == ShellTokenKind.Word)
            {
                var word = _current.Word!;
                end = word.Span.End;
                if (words is null && ShellAssignment.TryCreate(word) is { } assignment)
                {
                    (assignments ??= assignmentScratch).Add(assignment);
                    Advance();
                    continue;
                }
                if (words is null)
                {
                    words = scratch;
                    words.Add(word);
                    Advance();
                    if (word.IsKeyword("[["))
                    {
                        ParseTestExpression(words, ref end);
                    }
                    else if (_current.Kind == ShellTokenKind.LeftParen && assignments is null && redirections is null && word.IsLiteral)
                    {
                        _simpleCommandNesting--;
                        return ParseFunctionDefinition(word);
                    }
                    continue;
                }
                words.Add(word);
                Advance();
                continue;
            }
            if (_current.Kind == ShellTokenKind.IoNumber || _current.IsRedirection)
            {
                var redirection = ParseRedirection();
                if (redirection is not null)
                {
                    (redirections ??= redirectionScratch).Add(redirection);
                    end = Math.Max(end, redirection.Span.End);
                }
                continue;
            }
            break;
        }
        _simpleCommandNesting--;
        var command = new ShellCommand(
            _text,
            words is null ? Array.Empty<ShellWord>() : words.ToArray(),
            assignments is null ? Array.Empty<ShellAssignment>() : assignments.ToArray(),
            redirections is null ? Array.Empty<ShellRedirection>() : redirections.ToArray(),
            ShellSpan.FromBounds(start, end),
            _context,
            _depth);
        _commands.Add(command);
        return command;
    }

    private ShellRedirection? ParseRedirection()
    {
        var start = _current.Start;
        int? fileDescriptor = null;
        if (_current.Kind == ShellTokenKind.IoNumber)
        {
            fileDescriptor = int.TryParse(_text.AsSpan(_current.Start, _current.End - _current.Start), out var fd) ? fd : null;
            Advance();
            if (!_current.IsRedirection)
            {
                // Only `2<(…)`-like input gets here; drop the number and let the word be read as a word.
                Report(ShellDiagnosticKind.UnexpectedToken, CurrentSpan, $"expected a redirection operator before '{CurrentText}'");
                return null;
            }
        }
        var op = _current;
        var kind = op.Kind switch
        {
            ShellTokenKind.Less => ShellRedirectionOperator.Input,
            ShellTokenKind.Great => ShellRedirectionOperator.Output,
            ShellTokenKind.DoubleGreat => ShellRedirectionOperator.Append,
            ShellTokenKind.Clobber => ShellRedirectionOperator.Clobber,
            ShellTokenKind.LessAnd => ShellRedirectionOperator.DuplicateInput,
            ShellTokenKind.GreatAnd => ShellRedirectionOperator.DuplicateOutput,
            ShellTokenKind.LessGreat => ShellRedirectionOperator.ReadWrite,
            ShellTokenKind.DoubleLess => ShellRedirectionOperator.HereDoc,
            ShellTokenKind.DoubleLessDash => ShellRedirectionOperator.HereDocStripTabs,
            ShellTokenKind.TripleLess => ShellRedirectionOperator.HereString,
            ShellTokenKind.AndGreat => ShellRedirectionOperator.OutputAndError,
            _ => ShellRedirectionOperator.AppendOutputAndError,
        };
        Advance();
        if (_current.Kind != ShellTokenKind.Word)
        {
            Report(ShellDiagnosticKind.MissingOperand, SpanOf(op), $"'{_text.Substring(op.Start, op.End - op.Start)}' has no target word");
            return new ShellRedirection(_text, kind, fileDescriptor, null, start, op.End);
        }
        var target = _current.Word!;
        var redirection = new ShellRedirection(_text, kind, fileDescriptor, target, start, target.Span.End);
        // Register before advancing: the next token may be the newline after which the body starts.
        if (redirection.IsHereDoc)
            _lexer.AddPendingHereDoc(redirection);
        Advance();
        return redirection;
    }

    private void ParseTrailingRedirections()
    {
        // Redirections of a compound command (`done < list`) apply to all of it; they are read, for here-documents, but not kept.
        while (_current.Kind == ShellTokenKind.IoNumber || _current.IsRedirection)
            ParseRedirection();
    }

    private void ParseTestExpression(List<ShellWord> words, ref int end)
    {
        // Inside bash `[[ … ]]`, && || ( ) < > are operands of the test, not shell syntax, so keep them as words.
        var parenDepth = 0;
        var allowNewLine = false;
        var open = words[0].Span;
        while (true)
        {
            var token = _current;
            switch (token.Kind)
            {
                case ShellTokenKind.Word:
                    words.Add(token.Word!);
                    end = token.End;
                    Advance();
                    if (token.Word!.IsKeyword("]]"))
                        return;
                    allowNewLine = false;
                    continue;
                case ShellTokenKind.NewLine when allowNewLine:
                    Advance();
                    continue;
                case ShellTokenKind.EndOfInput or ShellTokenKind.NewLine or ShellTokenKind.Semicolon or ShellTokenKind.Ampersand
                    or ShellTokenKind.DoubleSemicolon or ShellTokenKind.SemicolonAmpersand or ShellTokenKind.DoubleSemicolonAmpersand:
                    Report(ShellDiagnosticKind.MissingKeyword, open, "'[[' is never closed with ']]'");
                    return;
                case ShellTokenKind.RightParen when parenDepth == 0 && Expected(ShellTerminator.RightParen) > 0:
                    Report(ShellDiagnosticKind.MissingKeyword, open, "'[[' is never closed with ']]'");
                    return;
            }
            if (token.Kind == ShellTokenKind.LeftParen)
                parenDepth++;
            else if (token.Kind == ShellTokenKind.RightParen && parenDepth > 0)
                parenDepth--;
            allowNewLine = token.Kind is ShellTokenKind.AndIf or ShellTokenKind.OrIf;
            var raw = _text.Substring(token.Start, token.End - token.Start);
            words.Add(new ShellWord(_text, token.Start, token.End, raw, ShellWordFlags.None));
            end = token.End;
            Advance();
        }
    }

    private ShellCommand? ParseFunctionDefinition(ShellWord name)
    {
        // `name ( ) body`: the name is not a command, and the body's commands run only when called.
        if (!TryEnter(ShellContext.Function, _current.Start, out var saved))
        {
            Advance();
            return null;
        }
        Advance();
        if (_current.Kind == ShellTokenKind.RightParen)
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, name.Span, $"function '{name.Value}' lacks ')' after '('");
        ParseFunctionBody(name.Span);
        Exit(saved);
        return null;
    }

    private void ParseFunctionKeyword()
    {
        var keyword = SpanOf(_current);
        if (!TryEnter(ShellContext.Function, _current.Start, out var saved))
        {
            Advance();
            return;
        }
        Advance();
        if (_current.Kind == ShellTokenKind.Word)
            Advance();
        else
            Report(ShellDiagnosticKind.MissingOperand, keyword, "'function' without a name");
        if (_current.Kind == ShellTokenKind.LeftParen)
        {
            Advance();
            if (_current.Kind == ShellTokenKind.RightParen)
                Advance();
            else
                Report(ShellDiagnosticKind.MissingKeyword, keyword, "function lacks ')' after '('");
        }
        ParseFunctionBody(keyword);
        Exit(saved);
    }

    private void ParseFunctionBody(ShellSpan at)
    {
        SkipNewLines();
        if (IsListTerminator())
        {
            Report(ShellDiagnosticKind.MissingOperand, at, "function has no body");
            return;
        }
        ParseCommand();
    }

    private void ParseSubshell()
    {
        var open = SpanOf(_current);
        if (!TryEnter(ShellContext.Subshell, open.Start, out var saved))
        {
            // Skip the whole parenthesised region in one pass; stepping through it token by token could rescan it.
            _lexer.Position = _lexer.SkipBalancedRaw(open.Start);
            Advance();
            return;
        }
        Advance();
        Expected(ShellTerminator.RightParen)++;
        ParseList();
        Expected(ShellTerminator.RightParen)--;
        Exit(saved);
        if (_current.Kind == ShellTokenKind.RightParen)
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, open, "'(' is never closed with ')'");
    }

    private void ParseBraceGroup()
    {
        var open = SpanOf(_current);
        if (!TryEnter(ShellContext.BraceGroup, open.Start, out var saved))
        {
            Advance();
            return;
        }
        Advance();
        Expected(ShellTerminator.RightBrace)++;
        ParseList();
        Expected(ShellTerminator.RightBrace)--;
        Exit(saved);
        if (_current.IsKeyword("}"))
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, open, "'{' is never closed with '}'");
    }

    private void ParseIf()
    {
        var open = SpanOf(_current);
        if (!TryEnter(ShellContext.If, open.Start, out var saved))
        {
            Advance();
            return;
        }
        var body = _context;
        Expected(ShellTerminator.Then)++;
        Expected(ShellTerminator.Elif)++;
        Expected(ShellTerminator.Else)++;
        Expected(ShellTerminator.Fi)++;

        ParseCondition(body);
        ParseThen(open, body);
        while (_current.IsKeyword("elif"))
        {
            ParseCondition(body);
            ParseThen(open, body);
        }
        if (_current.IsKeyword("else"))
        {
            Advance();
            ParseList();
        }

        Expected(ShellTerminator.Then)--;
        Expected(ShellTerminator.Elif)--;
        Expected(ShellTerminator.Else)--;
        Expected(ShellTerminator.Fi)--;
        Exit(saved);
        if (_current.IsKeyword("fi"))
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, open, "'if' is never closed with 'fi'");
    }

    private void ParseCondition(ShellContext body)
    {
        // The condition's first token is read by this Advance, so the flag must be on before it.
        _context = body | ShellContext.Condition;
        Advance();
        ParseList();
        _context = body;
    }

    private void ParseThen(ShellSpan open, ShellContext body)
    {
        _context = body;
        if (_current.IsKeyword("then"))
        {
            Advance();
            ParseList();
        }
        else
        {
            Report(ShellDiagnosticKind.MissingKeyword, open, "'if' or 'elif' condition is not followed by 'then'");
        }
    }

    private void ParseWhile()
    {
        var open = SpanOf(_current);
        if (!TryEnter(ShellContext.Loop, open.Start, out var saved))
        {
            Advance();
            return;
        }
        var body = _context;
        Expected(ShellTerminator.Do)++;
        Expected(ShellTerminator.Done)++;
        ParseCondition(body);
        Expected(ShellTerminator.Do)--;
        ParseDoGroup(open, saved);
    }

    private void ParseFor()
    {
        var open = SpanOf(_current);
        if (!TryEnter(ShellContext.Loop, open.Start, out var saved))
        {
            Advance();
            return;
        }
        Expected(ShellTerminator.Done)++;
        Advance();
        if (IsArithmeticOpen() && _lexer.TrySkipArithmetic(_current.End + 1, _current.Start, out var arithmeticEnd))
        {
            _lexer.Position = arithmeticEnd;
            Advance();
        }
        else if (_current.Kind == ShellTokenKind.Word)
        {
            Advance();
        }
        else
        {
            Report(ShellDiagnosticKind.MissingOperand, open, "'for' without a variable name");
        }
        SkipNewLines();
        if (_current.Kind == ShellTokenKind.Semicolon)
            Advance();
        SkipNewLines();
        if (_current.IsKeyword("in"))
        {
            Advance();
            while (_current.Kind == ShellTokenKind.Word)
                Advance();
            if (_current.Kind is ShellTokenKind.Semicolon or ShellTokenKind.NewLine)
                Advance();
        }
        SkipNewLines();
        ParseDoGroup(open, saved);
    }

    /// <summary>Parses <c>do … done</c>; the caller has counted <c>done</c> as awaited and entered the loop context.</summary>
    private void ParseDoGroup(ShellSpan open, ShellContext saved)
    {
        if (_current.IsKeyword("do"))
        {
            Advance();
            ParseList();
        }
        else
        {
            Report(ShellDiagnosticKind.MissingKeyword, open, "loop lacks 'do'");
        }
        Expected(ShellTerminator.Done)--;
        Exit(saved);
        if (_current.IsKeyword("done"))
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, open, "loop is never closed with 'done'");
    }

    private void ParseCase()
    {
        var open = SpanOf(_current);
        if (!TryEnter(ShellContext.Case, open.Start, out var saved))
        {
            Advance();
            return;
        }
        Advance();
        if (_current.Kind == ShellTokenKind.Word)
            Advance();
        else
            Report(ShellDiagnosticKind.MissingOperand, open, "'case' without a word to match");
        SkipNewLines();
        if (_current.IsKeyword("in"))
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, open, "'case' lacks 'in'");

        Expected(ShellTerminator.Esac)++;
        var closed = false;
        while (true)
        {
            SkipNewLines();
            if (_current.IsKeyword("esac"))
            {
                closed = true;
                break;
            }
            if (IsListTerminator())
                break;
            if (_current.Kind == ShellTokenKind.LeftParen)
                Advance();
            var sawPattern = false;
            while (_current.Kind == ShellTokenKind.Word)
            {
                sawPattern = true;
                Advance();
                if (_current.Kind != ShellTokenKind.Pipe)
                    break;
                Advance();
            }
            if (_current.Kind == ShellTokenKind.RightParen)
            {
                Advance();
            }
            else
            {
                Report(ShellDiagnosticKind.MissingKeyword, CurrentSpan, "expected ')' after a case pattern");
                if (!sawPattern)
                {
                    if (IsListTerminator())
                        break;
                    Advance();
                    continue;
                }
            }
            Expected(ShellTerminator.CaseItemEnd)++;
            ParseList();
            Expected(ShellTerminator.CaseItemEnd)--;
            if (_current.IsCaseTerminator)
                Advance();
            else if (!_current.IsKeyword("esac"))
                break;
        }
        Expected(ShellTerminator.Esac)--;
        Exit(saved);
        if (closed)
            Advance();
        else
            Report(ShellDiagnosticKind.MissingKeyword, open, "'case' is never closed with 'esac'");
    }
}
