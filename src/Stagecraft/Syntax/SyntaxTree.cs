namespace Stagecraft.Syntax;

/// <summary>A parsed Dockerfile: source, lossless token stream, typed nodes and diagnostics. Parsing never throws.</summary>
public sealed class SyntaxTree
{
    private IReadOnlyList<SyntaxToken>? _tokens;

    internal SyntaxTree(SourceText source, DockerfileSyntax root, IReadOnlyList<SyntaxToken>? tokens, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Source = source;
        Root = root;
        _tokens = tokens;
        Diagnostics = diagnostics;
    }

    public SourceText Source { get; }

    public DockerfileSyntax Root { get; }

    /// <summary>Every byte of the file in exactly one token, in order.</summary>
    /// <remarks>Built on first use by reading the file again: most callers (a lint) never need it.</remarks>
    public IReadOnlyList<SyntaxToken> Tokens => _tokens ??= DockerfileParser.Tokenize(Source);

    /// <summary>All diagnostics, file-level and per instruction, in file order.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public static SyntaxTree Parse(byte[] bytes, string? path = null) => DockerfileParser.Parse(new SourceText(bytes, path));

    public static SyntaxTree Parse(string text, string? path = null) => DockerfileParser.Parse(SourceText.From(text, path));

    public static SyntaxTree Parse(SourceText source) => DockerfileParser.Parse(source);

    /// <summary>Writes the file back from its tokens: the same bytes as the input, always.</summary>
    public byte[] ToBytes()
    {
        var output = new byte[Source.Length];
        var position = 0;
        foreach (var token in Tokens)
        {
            Source.GetBytes(token.Span).CopyTo(output.AsSpan(position));
            position += token.Span.Length;
        }
        return output;
    }

    public SourcePosition GetPosition(int offset) => Source.GetPosition(offset);

    public SourceRange GetRange(TextSpan span) => Source.GetRange(span);

    public string GetText(TextSpan span) => Source.GetText(span);

    /// <summary>The tokens that overlap a span, for example one instruction's.</summary>
    public IEnumerable<SyntaxToken> TokensIn(TextSpan span)
    {
        int lo = 0, hi = Tokens.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].Span.End <= span.Start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (var i = lo; i < Tokens.Count && Tokens[i].Span.Start < span.End; i++)
            yield return Tokens[i];
    }
}
