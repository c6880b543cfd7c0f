using Stagecraft.Reporting.Findings;

namespace Stagecraft.Tests.Reporting.Findings;

public class FindingsReportersTests
{
    [Fact]
    public void Every_name_makes_a_reporter_of_that_format()
    {
        Assert.Equal(["gnu", "json", "sarif", "checkstyle", "github", "gitlab", "junit"], FindingsReporters.Names);
        foreach (var name in FindingsReporters.Names)
        {
            Assert.True(FindingsReporters.IsKnown(name));
            Assert.Equal(name, FindingsReporters.Create(name).Format);
        }
    }

    [Fact]
    public void Names_are_matched_without_regard_to_case() => Assert.Equal("sarif", FindingsReporters.Create("SARIF").Format);

    [Fact]
    public void Unknown_names_are_refused()
    {
        Assert.False(FindingsReporters.IsKnown("tty"));
        Assert.False(FindingsReporters.TryCreate("xml", null, out var reporter));
        Assert.Null(reporter);
        var error = Assert.Throws<ArgumentException>(() => FindingsReporters.Create("xml"));
        Assert.Contains("gnu, json, sarif", error.Message);
    }

    [Fact]
    public void Reporters_leave_the_stream_open()
    {
        foreach (var name in FindingsReporters.Names)
        {
            using var stream = new MemoryStream();
            FindingsReporters.Create(name, SampleReport.Options).Write(SampleReport.Build(), stream);
            Assert.True(stream.CanWrite, name);
        }
    }

    [Fact]
    public void Every_format_handles_real_linter_findings()
    {
        var report = new ReportBuilder().Linted("broken.Dockerfile", "FROM alpine\nFOO bar\n").Linted("ok.Dockerfile", "FROM alpine\n").Build();
        Assert.Contains(report.Findings, f => f.Rule.Id == "STG000");

        foreach (var name in FindingsReporters.Names)
            Assert.NotEmpty(SampleReport.Render(name, report, new FindingsReporterOptions { ToolVersion = "1.2.3" }));
        SarifShape.Check(SarifReporterTests.Sarif(report, new FindingsReporterOptions()));
    }
}
