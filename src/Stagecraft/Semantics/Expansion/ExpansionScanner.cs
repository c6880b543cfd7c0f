using System.Collections.ObjectModel;
using System.Text;
using Stagecraft.Syntax;

namespace Stagecraft.Semantics.Expansion;

/// <summary>
/// One pass of BuildKit's Dockerfile word lexer over one input: quotes, escapes, <c>$</c> expansions and,
/// at the top level, word splitting. Failures set <see cref="Error"/> and unwind through false returns.
/// </summary>
internal sealed class ExpansionScanner
{
    private const int End = Lexing.EndOfInput;

    private readonly string _text;
    private readonly IVariableLookup _variables;
    private readonly ExpansionOptions _options;
    private readonly WordCollector? _words;
    private readonly List<VariableReference>? _references;
    private HashSet<string>? _matched;
    private HashSet<string>? _unmatched;
    private int _position;
    private int _depth;

    private ExpansionScanner(string text, IVariableLookup variables, ExpansionOptions options, WordCollector? words, List<VariableReference>? references)
    {
        _text = text;
        _variables = variables;
        _options = options;
        _words = words;
        _references = references;
    }

    public string? Error { get; private set; }

    public IReadOnlyList<string> Words => _words?.Words ?? [];

    public IReadOnlySet<string> Matched => Freeze(_matched);

    public IReadOnlySet<string> Unmatched => Freeze(_unmatched);

    private bool ProcessQuotes => _options.Quotes != QuoteHandling.Literal;

    private bool KeepQuotes => _options.Quotes == QuoteHandling.Keep;

    // Listing references must see every name, so nothing may stop the scan except bad syntax.
    private bool ListingOnly => _references is not null;

    /// <summary>Expands <paramref name="text"/>; with <paramref name="splitWords"/> the words are in <see cref="Words"/>.</summary>
    public static ExpansionScanner Run(string text, IVariableLookup variables, ExpansionOptions options, bool splitWords, out string value)
    {
        var scanner = new ExpansionScanner(text, variables, options, splitWords ? new WordCollector() : null, references: null);
        scanner.RunTopLevel(out value);
        return scanner;
    }

    /// <summary>Scans <paramref name="text"/> for references, stopping at the first syntax error.</summary>
    public static IReadOnlyList<VariableReference> ListReferences(string text, ExpansionOptions options)
    {
        var references = new List<VariableReference>();
        var scanner = new ExpansionScanner(text, DictionaryVariableLookup.Empty, options, words: null, references);
        scanner.RunTopLevel(out _);
        // Operands are read before their own reference is complete, so nested ones were recorded first.
        references.SortInPlace((a, b) => a.Offset.CompareTo(b.Offset));
        return references;
    }

    private void RunTopLevel(out string value)
    {
        if (TryReadUntil(End, _options.KeepEscapes, out value))
            return;
        value = "";
        Error = $"failed to process {GoText.Quote(_text)}: {Error}";
    }

    private int Peek() => Lexing.CodePointAt(_text, _position, out _);

    private int Next()
    {
        var c = Lexing.CodePointAt(_text, _position, out var width);
        _position += width;
        return c;
    }

    private bool Fail(string message, out string value)
    {
        Error = message;
        value = "";
        return false;
    }

    /// <summary>Reads up to <paramref name="stop"/> (consumed) or the end of input; BuildKit's processStopOn.</summary>
    private bool TryReadUntil(int stop, bool keepEscapes, out string value)
    {
        // Go grows its stacks; we cannot, so absurdly deep ${…:-${…}} nesting becomes an error, not a crash.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            return Fail("expression is nested too deeply", out value);
        var words = _depth == 0 ? _words : null;
        if (_depth > 0)
            _words?.DiscardPending();
        _depth++;
        var ok = TryReadUntilCore(stop, keepEscapes, words, out value);
        _depth--;
        return ok;
    }

    private bool TryReadUntilCore(int stop, bool keepEscapes, WordCollector? words, out string value)
    {
        var result = new StringBuilder();
        for (var c = Peek(); c != End; c = Peek())
        {
            if (c == stop)
            {
                Next();
                value = result.ToString();
                return true;
            }

            string part;
            switch (c)
            {
                case '$':
                    if (!TryReadDollar(out part))
                        return Fail(Error!, out value);
                    result.Append(part);
                    words?.AddSplitting(part);
                    continue;
                case '<':
                    part = ReadPossibleHeredocMarker();
                    result.Append(part);
                    words?.AddVerbatim(part);
                    continue;
                case '\'' when ProcessQuotes:
                    if (!TryReadSingleQuoted(out part))
                        return Fail(Error!, out value);
                    result.Append(part);
                    words?.AddVerbatim(part);
                    continue;
                case '"' when ProcessQuotes:
                    if (!TryReadDoubleQuoted(keepEscapes, out part))
                        return Fail(Error!, out value);
                    result.Append(part);
                    words?.AddVerbatim(part);
                    continue;
            }

            Next();
            if (c == _options.EscapeCharacter)
            {
                if (keepEscapes)
                {
                    words?.AddVerbatim(c);
                    Lexing.Append(result, c);
                }
                c = Next();
                // An escape character at the very end escapes nothing and is dropped.
                if (c == End)
                    break;
                words?.AddVerbatim(c);
            }
            else
            {
                words?.AddSplitting(c);
            }
            Lexing.Append(result, c);
        }

        if (stop != End)
            return Fail($"unexpected end of statement while looking for matching {Lexing.ToText(stop)}", out value);
        words?.Finish();
        value = result.ToString();
        return true;
    }

    private bool TryReadSingleQuoted(out string value)
    {
        var result = new StringBuilder();
        var quote = Next();
        if (KeepQuotes)
            Lexing.Append(result, quote);
        while (true)
        {
            var c = Next();
            if (c == End)
                return Fail("unexpected end of statement while looking for matching single-quote", out value);
            if (c == '\'')
            {
                if (KeepQuotes)
                    Lexing.Append(result, c);
                value = result.ToString();
                return true;
            }
            Lexing.Append(result, c);
        }
    }

    private bool TryReadDoubleQuoted(bool keepEscapes, out string value)
    {
        var result = new StringBuilder();
        var quote = Next();
        if (KeepQuotes)
            Lexing.Append(result, quote);
        while (true)
        {
            var c = Peek();
            if (c == End)
                return Fail("unexpected end of statement while looking for matching double-quote", out value);
            if (c == '"')
            {
                Next();
                if (KeepQuotes)
                    Lexing.Append(result, c);
                value = result.ToString();
                return true;
            }
            if (c == '$')
            {
                if (!TryReadDollar(out var expanded))
                    return Fail(Error!, out value);
                result.Append(expanded);
                continue;
            }

            Next();
            if (c == _options.EscapeCharacter)
            {
                if (keepEscapes)
                    Lexing.Append(result, c);
                var escaped = Peek();
                if (escaped == End)
                    continue;
                // Like sh, only these characters can be escaped inside double quotes; before any
                // other the escape character is kept as text.
                if (escaped == '"' || escaped == '$' || escaped == _options.EscapeCharacter)
                    c = Next();
            }
            Lexing.Append(result, c);
        }
    }

    /// <summary>Keeps <c>&lt;&lt;</c> and the blanks after it together so a heredoc marker such as <c>&lt;&lt; EOF</c> stays one word.</summary>
    private string ReadPossibleHeredocMarker()
    {
        Next();
        if (Peek() != '<')
            return "<";
        Next();
        var start = _position - 2;
        while (Peek() is ' ' or '\t' or '\r')
            Next();
        return _text[start.._position];
    }

    private string ReadName()
    {
        var start = _position;
        var first = Peek();
        if (Lexing.IsDigit(first))
        {
            // Positional parameters ($1, $10) are all digits and stop at the first non-digit.
            while (Lexing.IsDigit(Peek()))
                Next();
            return _text[start.._position];
        }
        if (IsSpecialParameter(first))
        {
            Next();
            return _text[start.._position];
        }
        while (Peek() is var c && c != End && Lexing.IsNameChar(c))
            Next();
        return _text[start.._position];
    }

    // POSIX special parameters ($@, $#, $? …); Dockerfiles never set them, but they still parse as names.
    private static bool IsSpecialParameter(int c) => c is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    private bool Lookup(string name, int referenceStart, bool braced, string modifier, out string value)
    {
        _references?.Add(new VariableReference(name, referenceStart, _position - referenceStart, braced, modifier));
        if (_variables.TryGetValue(name, out value))
        {
            (_matched ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            return true;
        }
        (_unmatched ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        value = "";
        return false;
    }

    private bool TryReadDollar(out string value)
    {
        var start = _position;
        Next();
        if (Peek() != '{')
        {
            var name = ReadName();
            if (name.Length == 0)
            {
                value = "$";
                return true;
            }
            var set = Lookup(name, start, braced: false, modifier: "", out value);
            if (!set && _options.SkipUnset)
                value = "$" + name;
            return true;
        }

        Next();
        switch (Peek())
        {
            case End:
                return Fail("syntax error: missing '}'", out value);
            case '{' or '}' or ':':
                return Fail("syntax error: bad substitution", out value);
        }

        var variable = ReadName();
        var op = Next();
        switch (op)
        {
            case '}':
            {
                var set = Lookup(variable, start, braced: true, modifier: "", out value);
                if (!set && _options.SkipUnset)
                    value = "${" + variable + "}";
                return true;
            }
            case ':' or '+' or '-' or '?' or '#' or '%':
                return TryReadOperand(variable, start, op, out value);
            case '/':
                return TryReadReplacement(variable, start, out value);
            case End:
                // BuildKit reports "unsupported modifier" with a replacement character here; say what is wrong.
                return Fail("syntax error: missing '}'", out value);
            default:
                return Fail($"unsupported modifier ({Lexing.ToText(op)}) in substitution", out value);
        }
    }

    /// <summary>The <c>${name OP word}</c> forms; <paramref name="op"/> is the character after the name.</summary>
    private bool TryReadOperand(string name, int start, int op, out string value)
    {
        var emptyIsUnset = op == ':';
        var modifier = Lexing.ToText(op);
        if (emptyIsUnset)
        {
            // Whatever follows ':' is taken as the operator, so ${v:x} reads its operand before it is rejected.
            op = Next();
            if (op != End)
                modifier += Lexing.ToText(op);
        }
        var isPattern = op is '#' or '%';
        if (emptyIsUnset && isPattern)
            return Fail($"unsupported modifier ({modifier}) in substitution", out value);

        if (!TryReadUntil('}', keepEscapes: isPattern, out var word))
            return Fail(AtEnd() ? "syntax error: missing '}'" : Error!, out value);

        var longest = isPattern && word.Length > 0 && word[0] == op;
        var set = Lookup(name, start, braced: true, longest ? modifier + modifier : modifier, out var current);
        if (_options.SkipUnset && !set)
        {
            value = "${" + name + modifier + word + "}";
            return true;
        }

        var useOperand = !set || (emptyIsUnset && current.Length == 0);
        switch (op)
        {
            case '-':
                value = useOperand ? word : current;
                return true;
            case '+':
                value = useOperand ? "" : word;
                return true;
            case '?':
                if (useOperand && !ListingOnly)
                {
                    var message = word.Length > 0 ? word : set ? "is not allowed to be empty" : "is not allowed to be unset";
                    return Fail($"{name}: {message}", out value);
                }
                value = current;
                return true;
            case '#' or '%':
                if (ListingOnly)
                {
                    value = "";
                    return true;
                }
                var patternText = longest ? word[1..] : word;
                if (!ShellPattern.TryParse(patternText, forSuffix: op == '%', out var pattern, out var error))
                    return Fail($"invalid pattern ({patternText}) in substitution: {error}", out value);
                value = pattern.Trim(current, longest);
                return true;
            default:
                return Fail($"unsupported modifier ({modifier}) in substitution", out value);
        }
    }

    /// <summary>The <c>${name/pattern/replacement}</c> and <c>${name//pattern/replacement}</c> forms.</summary>
    private bool TryReadReplacement(string name, int start, out string value)
    {
        var all = Peek() == '/';
        if (all)
            Next();

        if (!TryReadUntil('/', keepEscapes: true, out var patternText))
            return Fail(AtEnd() ? "syntax error: missing '/' in ${}" : Error!, out value);
        if (!TryReadUntil('}', keepEscapes: true, out var replacement))
            return Fail(AtEnd() ? "syntax error: missing '}'" : Error!, out value);

        var set = Lookup(name, start, braced: true, all ? "//" : "/", out var current);
        if (_options.SkipUnset && !set)
        {
            // BuildKit writes a single '/' back even for '//'.
            value = "${" + name + "/" + patternText + "/" + replacement + "}";
            return true;
        }
        if (ListingOnly)
        {
            value = "";
            return true;
        }
        if (!ShellPattern.TryParse(patternText, forSuffix: false, out var pattern, out var error))
            return Fail($"invalid pattern ({patternText}) in substitution: {error}", out value);
        value = all ? pattern.ReplaceAll(current, replacement) : pattern.ReplaceFirst(current, replacement);
        return true;
    }

    private bool AtEnd() => _position >= _text.Length;

    private static IReadOnlySet<string> Freeze(HashSet<string>? names) =>
        names is null ? ReadOnlySet<string>.Empty : new ReadOnlySet<string>(names);
}
