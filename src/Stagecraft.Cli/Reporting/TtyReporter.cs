using System.Text;
using Spectre.Console;
using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings;
using Stagecraft.Syntax;

namespace Stagecraft.Cli.Reporting;

/// <summary>
/// The human format: findings grouped by file, each as the stable <c>path:line:col CODE severity: message</c> line, then
/// the source line with carets under the exact columns and the rule's name, then one summary line. Every piece of
/// user text goes through <see cref="Markup.Escape"/>: Dockerfiles are full of brackets (<c>CMD ["npm"]</c>).
/// </summary>
internal sealed class TtyReporter(bool color) : IFindingsReporter
{
    private const int TabWidth = 4;

    // Lines are never wrapped: wrapping would break the one-line shape and move the carets.
    private const int UnlimitedWidth = 1 << 20;

    public string Format => "tty";

    public void Write(LintReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true)
        {
            NewLine = "\n",
        };
        var console = SpectreTerminal.Create(writer, color, UnlimitedWidth);

        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings)
                WriteFinding(console, file.Source, finding);
        }
        console.MarkupLine(Summary(report));
        writer.Flush();
    }

    private static void WriteFinding(IAnsiConsole console, SourceText source, Finding finding)
    {
        var style = SeverityStyle(finding.Severity);
        console.MarkupLine(
            $"[bold]{Markup.Escape($"{finding.Path}:{finding.Line}:{finding.Column}")}[/] {Markup.Escape(finding.Rule.Id)} " +
            $"[{style}]{Severities.Name(finding.Severity)}[/]: {Markup.Escape(finding.Message.ReplaceLineEndings(" "))}");

        var (before, marked, after) = SplitLine(source, finding);
        var number = finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        console.MarkupLine($"[blue]{number} |[/] {Markup.Escape(before + marked + after)}");
        var carets = new string('^', Math.Max(1, marked.GetCellWidth()));
        console.MarkupLine(
            $"[blue]{gutter} |[/] {new string(' ', before.GetCellWidth())}[{style}]{carets}[/] [dim]{Markup.Escape(finding.Rule.Name)}[/]");
        console.WriteLine();
    }

    /// <summary>
    /// The finding's first line, cut into the text before the span, the span itself (up to the line's end for spans
    /// that continue on later lines) and the rest; tabs expanded and control characters made visible, so the caret
    /// line lines up cell for cell.
    /// </summary>
    private static (string Before, string Marked, string After) SplitLine(SourceText source, Finding finding)
    {
        var line = Math.Clamp(finding.Line, 1, source.LineCount);
        var lineStart = source.LineStart(line);
        var lineEnd = line < source.LineCount ? source.LineStart(line + 1) : source.Length;
        var bytes = source.Bytes;
        while (lineEnd > lineStart && bytes[lineEnd - 1] is (byte)'\n' or (byte)'\r')
            lineEnd--;
        var start = Math.Clamp(finding.Span.Start, lineStart, lineEnd);
        var end = Math.Clamp(finding.Span.End, start, lineEnd);
        return (Printable(source.GetText(TextSpan.FromBounds(lineStart, start))),
            Printable(source.GetText(TextSpan.FromBounds(start, end))),
            Printable(source.GetText(TextSpan.FromBounds(end, lineEnd))));
    }

    private static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\t')
                builder.Append(' ', TabWidth);
            else if (char.IsControl(c))
                builder.Append('\uFFFD'); // an escape sequence in a Dockerfile must not reach the terminal
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static string Summary(LintReport report)
    {
        var files = Plural(report.Files.Count, "file");
        var total = report.Findings.Count();
        if (total == 0)
            return $"[green]No findings[/] in {files}";
        var parts = Enum.GetValues<Severity>()
            .Select(s => (Severity: s, Count: report.Count(s)))
            .Where(p => p.Count > 0)
            .Select(p => $"[{SeverityStyle(p.Severity)}]{Plural(p.Count, Severities.Name(p.Severity))}[/]");
        return $"[bold]{Plural(total, "finding")}[/] ({string.Join(", ", parts)}) in {files}";
    }

    // "info" and "style" read as uncountable: "2 warnings, 3 info, 1 style".
    private static string Plural(int count, string noun) =>
        count == 1 || noun is "info" or "style" ? $"{count} {noun}" : $"{count} {noun}s";

    private static string SeverityStyle(Severity severity) => severity switch
    {
        Severity.Error => "bold red",
        Severity.Warning => "yellow",
        Severity.Info => "cyan",
        _ => "dim",
    };
}
