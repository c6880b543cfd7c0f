namespace Stagecraft.Semantics.Shell;

/// <summary>A redirection such as <c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>&lt;&lt;EOF</c> or <c>&lt;&lt;&lt; word</c>.</summary>
public sealed class ShellRedirection
{
    private readonly string _source;
    private string? _hereDocBody;

    internal ShellRedirection(string source, ShellRedirectionOperator op, int? fileDescriptor, ShellWord? target, int start, int end)
    {
        _source = source;
        Operator = op;
        FileDescriptor = fileDescriptor;
        Target = target;
        Span = ShellSpan.FromBounds(start, end);
    }

    /// <summary>The redirection operator.</summary>
    public ShellRedirectionOperator Operator { get; }

    /// <summary>The operator as written, e.g. <c>&gt;&gt;</c> or <c>&lt;&lt;-</c>.</summary>
    public string OperatorText => Operator switch
    {
        ShellRedirectionOperator.Input => "<",
        ShellRedirectionOperator.Output => ">",
        ShellRedirectionOperator.Append => ">>",
        ShellRedirectionOperator.Clobber => ">|",
        ShellRedirectionOperator.DuplicateInput => "<&",
        ShellRedirectionOperator.DuplicateOutput => ">&",
        ShellRedirectionOperator.ReadWrite => "<>",
        ShellRedirectionOperator.HereDoc => "<<",
        ShellRedirectionOperator.HereDocStripTabs => "<<-",
        ShellRedirectionOperator.HereString => "<<<",
        ShellRedirectionOperator.OutputAndError => "&>",
        _ => "&>>",
    };

    /// <summary>The file descriptor written before the operator (the <c>2</c> of <c>2&gt;&amp;1</c>), or null when none is written.</summary>
    public int? FileDescriptor { get; }

    /// <summary>The file descriptor the redirection acts on: the written one, else 0 for input-like operators and 1 for output-like ones.</summary>
    public int EffectiveFileDescriptor => FileDescriptor ?? Operator switch
    {
        ShellRedirectionOperator.Input or ShellRedirectionOperator.DuplicateInput or ShellRedirectionOperator.ReadWrite
            or ShellRedirectionOperator.HereDoc or ShellRedirectionOperator.HereDocStripTabs or ShellRedirectionOperator.HereString => 0,
        _ => 1,
    };

    /// <summary>The file, descriptor (<c>1</c> in <c>2&gt;&amp;1</c>), here-string or here-document delimiter word; null when missing.</summary>
    public ShellWord? Target { get; }

    /// <summary>From the file descriptor (or operator) to the end of the target word; a here-document's body is not included.</summary>
    public ShellSpan Span { get; }

    /// <summary>Whether this is a here-document (<c>&lt;&lt;</c> or <c>&lt;&lt;-</c>).</summary>
    public bool IsHereDoc => Operator is ShellRedirectionOperator.HereDoc or ShellRedirectionOperator.HereDocStripTabs;

    /// <summary>For a here-document, the delimiter with quotes removed (<c>'EOF'</c> gives <c>EOF</c>); otherwise null.</summary>
    public string? HereDocDelimiter => IsHereDoc ? Target?.Value : null;

    /// <summary>For a here-document, whether any part of the delimiter is quoted, so the body is taken literally without expansions.</summary>
    public bool IsHereDocQuoted => IsHereDoc && Target is { IsQuoted: true };

    /// <summary>For a here-document, the body lines (up to but not including the delimiter line); null when not a here-document or when no body was read.</summary>
    public ShellSpan? HereDocBodySpan { get; private set; }

    /// <summary>The here-document body text, with leading tabs removed from each line for <c>&lt;&lt;-</c>; null when there is no body.</summary>
    public string? HereDocBody
    {
        get
        {
            if (_hereDocBody is not null || HereDocBodySpan is not { } span)
                return _hereDocBody;
            var text = _source.Substring(span.Start, span.Length);
            if (Operator == ShellRedirectionOperator.HereDocStripTabs)
                text = StripLeadingTabs(text);
            return _hereDocBody = text;
        }
    }

    /// <summary>Whether the here-document ran to the end of the script without its delimiter line.</summary>
    public bool IsHereDocUnterminated { get; private set; }

    internal void SetHereDocBody(int start, int end, bool terminated)
    {
        HereDocBodySpan = ShellSpan.FromBounds(start, end);
        IsHereDocUnterminated = !terminated;
    }

    private static string StripLeadingTabs(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var atLineStart = true;
        foreach (var c in text)
        {
            if (atLineStart && c == '\t')
                continue;
            atLineStart = c == '\n';
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => _source.Substring(Span.Start, Span.Length);
}
