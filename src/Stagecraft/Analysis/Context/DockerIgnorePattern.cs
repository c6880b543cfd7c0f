using System.Text;

namespace Stagecraft.Analysis.Context;

/// <summary>One <c>.dockerignore</c> pattern, compiled once and tested exactly as moby/patternmatcher tests it.</summary>
public sealed class DockerIgnorePattern
{
    private readonly PatternKind _kind;
    private readonly string _literal;
    private readonly ExpressionProgram? _program;

    // moby cuts the leading "**" off as two bytes. After a U+FEFF (which its scanner skips) that leaves the last
    // byte of the mark, 0xBF, in front of the suffix, so the path must end with a character whose UTF-8 form ends so.
    private readonly bool _suffixAfterByteBF;

    internal DockerIgnorePattern(string pattern, bool isException, int? line, string text)
    {
        Pattern = pattern;
        IsException = isException;
        Line = line;
        Text = text;
        _kind = PatternTranslator.Translate(pattern, out var expression);
        _literal = _kind switch
        {
            PatternKind.Prefix => pattern[..^2],
            PatternKind.Suffix => pattern[0] == '\uFEFF' ? pattern[1..] : pattern[2..],
            _ => pattern,
        };
        _suffixAfterByteBF = _kind == PatternKind.Suffix && pattern[0] == '\uFEFF';
        if (expression is not null)
        {
            _program = ExpressionParser.Compile(expression, out var error, out var unsupported);
            if (_program is null)
            {
                Problem = unsupported
                    ? $"BuildKit turns it into the Go regular expression `{expression}`, which Stagecraft cannot evaluate ({error})"
                    : $"BuildKit turns it into the Go regular expression `{expression}`, which does not compile ({error}); builds fail when they reach it";
            }
        }
    }

    /// <summary>The pattern as matched: trimmed and cleaned, without its leading <c>!</c>.</summary>
    public string Pattern { get; }

    /// <summary>True for a <c>!</c> line, which re-includes what earlier lines excluded (moby calls it an exclusion).</summary>
    public bool IsException { get; }

    /// <summary>The 1-based line in the ignore file, or null when the pattern was not read from a file.</summary>
    public int? Line { get; }

    /// <summary>The pattern as the user wrote it (surrounding white space removed).</summary>
    public string Text { get; }

    /// <summary>
    /// Why the pattern fails when used, or null. Such a pattern passes the syntax check but its regular expression
    /// does not compile (a reversed range such as <c>[Local-Only]</c>); BuildKit fails whenever it evaluates it.
    /// </summary>
    public string? Problem { get; }

    internal PatternKind Kind => _kind;

    /// <summary>The pattern as written.</summary>
    public override string ToString() => Text;

    /// <summary>True when the pattern matches the path itself or one of its parent directories.</summary>
    internal bool MatchesPathOrParent(in ContextPath path)
    {
        if (Matches(path.File))
            return true;
        if (!path.HasParent)
            return false;
        var parent = path.Parent;
        for (var i = parent.IndexOf('/'); i >= 0; i = NextSlash(parent, i))
        {
            if (Matches(parent[..i]))
                return true;
        }
        return Matches(parent);
    }

    internal bool Matches(ReadOnlySpan<char> path) => _kind switch
    {
        PatternKind.Exact => path.SequenceEqual(_literal),
        PatternKind.Prefix => path.StartsWith(_literal, StringComparison.Ordinal),
        // "**/name" also matches "name" at the top: the leading "**/" may stand for nothing.
        PatternKind.Suffix when _suffixAfterByteBF => path.EndsWith(_literal, StringComparison.Ordinal) && EndsWithByteBF(path[..^_literal.Length]),
        PatternKind.Suffix => path.EndsWith(_literal, StringComparison.Ordinal)
            || (_literal.Length > 0 && _literal[0] == '/' && path.SequenceEqual(_literal.AsSpan(1))),
        _ => _program is not null && _program.IsMatch(path),
    };

    private static bool EndsWithByteBF(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || Rune.DecodeLastFromUtf16(text, out var rune, out _) != System.Buffers.OperationStatus.Done)
            return false;
        return rune.Value >= 0x80 && (rune.Value & 0x3F) == 0x3F;
    }

    private static int NextSlash(ReadOnlySpan<char> text, int previous)
    {
        var next = text[(previous + 1)..].IndexOf('/');
        return next < 0 ? -1 : previous + 1 + next;
    }
}
