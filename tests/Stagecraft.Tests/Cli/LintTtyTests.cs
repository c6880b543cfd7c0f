using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Cli.Reporting;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>The human format: stable header line, source line with carets under the exact cells, summary, escaping and colour.</summary>
public sealed class LintTtyTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Shows_each_finding_with_its_source_line_carets_and_rule_name_then_a_summary()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\nFOO bar\n");
        _temp.Write("api/Dockerfile", "FROM alpine:3.20\nRUN echo hi\n\n\n\n\n\n\n\n\nRUN --bogus x\n");

        var result = Tty();

        Assert.Equal("""
            Dockerfile:2:1 STG000 error: unknown instruction: FOO
            2 | FOO bar
              | ^^^ dockerfile-syntax

            api/Dockerfile:11:5 STG000 error: unknown flag --bogus for RUN
            11 | RUN --bogus x
               |     ^^^^^^^ dockerfile-syntax

            2 findings (2 errors) in 2 files

            """, result.OutputText);
    }

    [Fact]
    public void Brackets_in_paths_messages_and_source_are_printed_as_they_are()
    {
        _temp.Write("[red]/Dockerfile", "FROM alpine:3.20\nONBUILD [\"[bold]npm[/]\"] FROM x\n");

        var result = Tty("[red]");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("""
            [red]/Dockerfile:2:9 STG000 error: unknown instruction: ["[bold]npm[/]"]
            2 | ONBUILD ["[bold]npm[/]"] FROM x
              |         ^^^^^^^^^^^^^^^^ dockerfile-syntax
            """, result.OutputText);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Carets_line_up_under_multi_byte_and_wide_characters()
    {
        // ü is two bytes and one cell; 日本 are three bytes and two cells each.
        _temp.Write("Dockerfile", "FROM alpine:3.20\nRUN --mount=type=cache,target=\"ü日本\" --bogus echo\n");

        var all = Tty().OutputText.Split('\n');
        var lines = all[Array.FindIndex(all, l => l.StartsWith("Dockerfile:2:37 ", StringComparison.Ordinal))..];

        Assert.Equal("Dockerfile:2:37 STG000 error: unknown flag --bogus for RUN", lines[0]); // columns count code points
        Assert.Equal("2 | RUN --mount=type=cache,target=\"ü日本\" --bogus echo", lines[1]);
        Assert.Equal("  | " + new string(' ', 38) + "^^^^^^^ dockerfile-syntax", lines[2]); // carets count cells
    }

    [Fact]
    public void Tabs_and_control_characters_keep_the_carets_aligned_and_reach_no_terminal()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\nRUN\t--bogus \u001b[31mx\n");

        var lines = Tty().OutputText.Split('\n');

        Assert.Equal("2 | RUN    --bogus \uFFFD[31mx", lines[1]);
        Assert.Equal("  |        ^^^^^^^ dockerfile-syntax", lines[2]);
    }

    [Fact]
    public void A_span_over_several_lines_is_marked_to_the_end_of_its_first_line()
    {
        var source = SourceText.From("FROM alpine:3.20\nRUN apt-get update && \\\n    apt-get install -y curl\n");
        var span = TextSpan.FromBounds(21, source.Length - 1);
        var report = Report(source, span, Severity.Warning, "two lines");

        var text = Render(report, color: false);

        Assert.Equal("""
            Dockerfile:2:5 STG000 warning: two lines
            2 | RUN apt-get update && \
              |     ^^^^^^^^^^^^^^^^^^^ dockerfile-syntax

            1 finding (1 warning) in 1 file

            """, text);
    }

    [Fact]
    public void An_empty_span_gets_one_caret()
    {
        var source = SourceText.From("FROM alpine:3.20\nRUN x");
        var report = Report(source, new TextSpan(source.Length, 0), Severity.Info, "at the end");

        Assert.Contains("2 | RUN x\n  |      ^ dockerfile-syntax\n", Render(report, color: false));
    }

    [Fact]
    public void The_summary_counts_each_severity_and_the_files()
    {
        var source = SourceText.From("FROM alpine:3.20\n");
        var findings = new[] { Severity.Error, Severity.Warning, Severity.Warning, Severity.Info, Severity.Style, Severity.Style }
            .Select(s => Finding(source, new TextSpan(0, 4), s, "x")).ToArray();
        var report = new LintReport([new FileLintResult("Dockerfile", source, findings), new FileLintResult("b", source, [])], Severity.Warning);

        Assert.EndsWith("\n6 findings (1 error, 2 warnings, 1 info, 2 style) in 2 files\n", Render(report, color: false));
        Assert.Equal("No findings in 1 file\n", Render(new LintReport([new FileLintResult("b", source, [])], Severity.Warning), color: false));
    }

    [Fact]
    public void Colour_is_used_on_a_terminal()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\nFOO bar\n");

        var result = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Terminal = true }, "lint");

        Assert.Contains("\u001b[", result.OutputText);
        Assert.Contains("unknown instruction: FOO", result.OutputText);
    }

    [Theory]
    [InlineData(true, "NO_COLOR", "1")]
    [InlineData(true, "TERM", "dumb")]
    [InlineData(false, null, null)]
    [InlineData(false, "FORCE_COLOR", "0")]
    public void No_colour_when_NO_COLOR_TERM_dumb_or_not_a_terminal(bool terminal, string? variable, string? value)
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\nFOO bar\n");
        var environment = variable is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable] = value! };

        var result = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Terminal = terminal, Environment = environment }, "lint", "--format", "tty");

        Assert.DoesNotContain('\u001b', result.OutputText);
        Assert.StartsWith("Dockerfile:2:1 STG000 error: unknown instruction: FOO\n", result.OutputText);
    }

    [Theory]
    [InlineData(false, "FORCE_COLOR", "1", new string[0], true)]
    [InlineData(false, null, null, new[] { "--color" }, true)]
    [InlineData(true, null, null, new[] { "--no-color" }, false)]
    [InlineData(true, "FORCE_COLOR", "1", new[] { "--no-color" }, false)]
    [InlineData(true, "NO_COLOR", "1", new[] { "--color" }, true)]
    public void Flags_beat_FORCE_COLOR_which_beats_the_rest(bool terminal, string? variable, string? value, string[] flags, bool coloured)
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\nFOO bar\n");
        var environment = variable is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable] = value! };

        var result = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Terminal = terminal, Environment = environment },
            ["lint", "--format", "tty", .. flags]);

        Assert.Equal(coloured, result.OutputText.Contains('\u001b'));
    }

    private CliResult Tty(params string[] args) => CliRun.InFolder(_temp.FullPath, ["lint", "--format", "tty", "--no-color", .. args]);

    private static LintReport Report(SourceText source, TextSpan span, Severity severity, string message) =>
        new([new FileLintResult("Dockerfile", source, [Finding(source, span, severity, message)])], Severity.Warning);

    private static Finding Finding(SourceText source, TextSpan span, Severity severity, string message) => new()
    {
        Rule = DockerfileSyntaxError.Id,
        Path = "Dockerfile",
        Span = span,
        Range = source.GetRange(span),
        Severity = severity,
        Message = message,
    };

    private static string Render(LintReport report, bool color)
    {
        using var output = new MemoryStream();
        new TtyReporter(color).Write(report, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
