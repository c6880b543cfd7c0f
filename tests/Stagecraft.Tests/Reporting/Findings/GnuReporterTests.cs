using System.Text.RegularExpressions;

namespace Stagecraft.Tests.Reporting.Findings;

public partial class GnuReporterTests
{
    [Fact]
    public void Every_line_has_the_stable_shape()
    {
        var lines = SampleReport.Render("gnu", SampleReport.Build()).TrimEnd('\n').Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.Matches(Shape(), line));
        Assert.Equal("Dockerfile:1:6 STG901 warning: Pin the base image: `ubuntu:latest` changes under you", lines[0]);
    }

    [Fact]
    public void Line_breaks_in_messages_are_folded()
    {
        var line = SampleReport.Render("gnu", SampleReport.Build()).TrimEnd('\n').Split('\n')[^1];

        Assert.Equal("services/café/Dockerfile:2:7 STG904 style: Label «description» has no namespace; prefer org.opencontainers.image.description", line);
    }

    [Fact]
    public void The_report_is_the_line_other_formats_quote_for_every_finding()
    {
        var report = SampleReport.Build();

        var expected = string.Concat(report.Files.SelectMany(f => f.Findings.Select(x => Stagecraft.Reporting.Findings.GnuReporter.Line(x, f.Source) + "\n")));

        Assert.Equal(expected, SampleReport.Render("gnu", report));
    }

    [Fact]
    public void A_clean_run_prints_nothing() => Assert.Equal("", SampleReport.Render("gnu", SampleReport.Clean()));

    [GeneratedRegex(@"^(?<path>.+):(?<line>[1-9][0-9]*):(?<col>[1-9][0-9]*) (?<code>STG[0-9]{3}) (?<severity>error|warning|info|style): (?<message>[^\r\n]+)$")]
    private static partial Regex Shape();
}
