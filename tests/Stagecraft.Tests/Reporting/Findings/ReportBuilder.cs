using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Reporting.Findings;

/// <summary>
/// Builds a <see cref="LintReport"/> by hand: files with their text, and findings placed on snippets of that text, so
/// reporters can be tested without depending on what the real rules find.
/// </summary>
internal sealed class ReportBuilder(Severity failureThreshold = Severity.Warning)
{
    private readonly List<FileLintResult> _files = [];

    public ReportBuilder File(string path, string text, Action<FileFindings>? findings = null)
    {
        var source = SourceText.From(text, path);
        var file = new FileFindings(path, source);
        findings?.Invoke(file);
        _files.Add(new FileLintResult(path, source, file.Sorted()));
        return this;
    }

    /// <summary>Adds a file with the findings the real linter reports for it.</summary>
    public ReportBuilder Linted(string path, string text, IReadOnlyList<Rule>? rules = null)
    {
        var tree = SyntaxTree.Parse(text, path);
        _files.Add(new FileLintResult(path, tree.Source, new Linter(rules).Lint(tree, path)));
        return this;
    }

    public LintReport Build() => new(_files.ToArray(), failureThreshold);
}

internal sealed class FileFindings(string path, SourceText source)
{
    private readonly List<Finding> _findings = [];

    /// <summary>The bytes of the <paramref name="occurrence"/>-th appearance of <paramref name="snippet"/>.</summary>
    public TextSpan Find(string snippet, int occurrence = 1)
    {
        var needle = Encoding.UTF8.GetBytes(snippet);
        var bytes = source.Bytes;
        var from = 0;
        for (var n = 1; ; n++)
        {
            var at = bytes[from..].IndexOf(needle);
            if (at < 0)
                throw new ArgumentException($"'{snippet}' appears fewer than {occurrence} times in {path}");
            if (n == occurrence)
                return new TextSpan(from + at, needle.Length);
            from += at + 1;
        }
    }

    /// <summary>The empty span just after <paramref name="snippet"/>, where an edit inserts.</summary>
    public TextSpan After(string snippet) => new(Find(snippet).End, 0);

    public FileFindings Add(Rule rule, string snippet, string message, Severity? severity = null, string? stage = null, Fix? fix = null,
        IReadOnlyList<string>? aliases = null) =>
        Add(rule, Find(snippet), message, severity, stage, fix, aliases);

    public FileFindings Add(Rule rule, TextSpan span, string message, Severity? severity = null, string? stage = null, Fix? fix = null,
        IReadOnlyList<string>? aliases = null)
    {
        _findings.Add(new Finding
        {
            Rule = rule.Descriptor,
            Path = path,
            Span = span,
            Range = source.GetRange(span),
            Severity = severity ?? rule.Descriptor.DefaultSeverity,
            Message = message,
            Aliases = aliases ?? rule.Descriptor.Aliases,
            Stage = stage,
            Fix = fix,
        });
        return this;
    }

    /// <summary>In file order, as the linter returns them.</summary>
    public IReadOnlyList<Finding> Sorted() =>
        _findings.OrderBy(f => f.Span.Start).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ToArray();
}
