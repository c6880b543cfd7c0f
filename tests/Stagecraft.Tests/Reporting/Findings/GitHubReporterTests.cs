using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings;

namespace Stagecraft.Tests.Reporting.Findings;

public class GitHubReporterTests
{
    private static readonly Rule Rule = SampleReport.Rules[0];

    [Fact]
    public void Properties_and_message_are_escaped()
    {
        var report = new ReportBuilder()
            .File("odd dir/a,b:c%d/Dockerfile", "FROM ubuntu:latest\n", file => file.Add(Rule, "ubuntu:latest", "100% sure:\r\nsecond, line"))
            .Build();

        var line = Lines(report).Single();

        Assert.Equal("::warning file=odd dir/a%2Cb%3Ac%25d/Dockerfile,line=1,col=6,endLine=1,endColumn=19,title=STG901 base-image-latest::100%25 sure:%0D%0Asecond, line", line);
    }

    [Theory]
    [InlineData("a:b,c", "a%3Ab%2Cc")]
    [InlineData("50%\n", "50%25%0A")]
    [InlineData("plain", "plain")]
    public void Property_values_escape_colons_commas_percent_and_line_breaks(string value, string escaped) =>
        Assert.Equal(escaped, GitHubReporter.Property(value));

    [Fact]
    public void Severities_map_to_error_warning_and_notice() =>
        Assert.Equal(["::error", "::warning", "::notice", "::notice"],
            Lines(SampleReport.Build()).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).OrderBy(c => c switch { "::error" => 0, "::warning" => 1, _ => 2 }));

    [Fact]
    public void Multi_line_spans_give_lines_but_no_columns()
    {
        var report = new ReportBuilder()
            .File("Dockerfile", "FROM a\nRUN one \\\n  two\n", file => file.Add(Rule, "RUN one \\\n  two\n", "m"))
            .Build();

        Assert.StartsWith("::warning file=Dockerfile,line=2,endLine=3,title=", Lines(report).Single());
    }

    [Fact]
    public void Standard_input_has_no_file_property()
    {
        var report = new ReportBuilder().File("-", "FROM ubuntu:latest\n", file => file.Add(Rule, "ubuntu:latest", "m")).Build();

        Assert.Equal("::warning title=STG901 base-image-latest::m", Lines(report).Single());
    }

    [Fact]
    public void Findings_within_the_limits_are_all_annotations_with_no_notice()
    {
        var lines = Lines(Many(errors: 10, warnings: 10, notices: 10));

        Assert.Equal(30, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("::", l));
        Assert.DoesNotContain(lines, l => l.Contains("title=Stagecraft", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_past_the_limits_are_plain_lines_and_a_last_notice_counts_them()
    {
        var lines = Lines(Many(errors: 12, warnings: 3, notices: 11));

        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        // one notice place is kept for the limit notice, so it is always shown
        Assert.Equal(9 + 1, lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.StartsWith("Dockerfile:", StringComparison.Ordinal)));
        Assert.Equal(12 + 3 + 11 + 1, lines.Length);
        Assert.Equal("::notice title=Stagecraft::" + GitHubReporter.LimitNotice(4), lines[^1]);
        Assert.Contains("4 more findings are not shown as annotations", lines[^1]);
        Assert.Contains("--format sarif", lines[^1]);
    }

    [Fact]
    public void One_finding_over_is_counted_in_the_singular()
    {
        var lines = Lines(Many(errors: 11, warnings: 0, notices: 0));

        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.StartsWith("::notice title=Stagecraft::1 more finding is not shown", lines[^1]);
    }

    private static LintReport Many(int errors, int warnings, int notices)
    {
        var severities = Enumerable.Repeat(Severity.Error, errors).Concat(Enumerable.Repeat(Severity.Warning, warnings))
            .Concat(Enumerable.Range(0, notices).Select(i => i % 2 == 0 ? Severity.Info : Severity.Style)).ToArray();
        var text = "FROM a\n" + string.Concat(severities.Select((_, i) => $"RUN echo {i}\n"));
        return new ReportBuilder().File("Dockerfile", text, file =>
        {
            for (var i = 0; i < severities.Length; i++)
                file.Add(Rule, $"echo {i}\n", $"finding {i}", severities[i]);
        }).Build();
    }

    private static string[] Lines(LintReport report) =>
        SampleReport.Render(new GitHubReporter(), report).TrimEnd('\n').Split('\n');
}
