using System.Xml.Linq;
using Stagecraft.Analysis;

namespace Stagecraft.Tests.Reporting.Findings;

public class XmlReportersTests
{
    [Theory]
    [InlineData("checkstyle")]
    [InlineData("junit")]
    public void Output_is_well_formed_even_with_control_characters_in_messages(string format)
    {
        var report = new ReportBuilder().File("Dockerfile", "FROM a\n", file => file
            .Add(SampleReport.Rules[0], "a", "bell \u0007, tab \t, <angle> & \"quotes\"\nnew line")).Build();

        var xml = XDocument.Parse(SampleReport.Render(format, report));

        var message = xml.Descendants().Select(e => e.Attribute("message")).Single(a => a is not null)!.Value;
        Assert.Equal("bell \uFFFD, tab \t, <angle> & \"quotes\"\nnew line", message);
    }

    [Fact]
    public void Checkstyle_has_a_file_per_linted_file_and_an_error_per_finding()
    {
        var xml = XDocument.Parse(SampleReport.Render("checkstyle", SampleReport.Build()));
        var root = xml.Root!;

        Assert.Equal("checkstyle", root.Name.LocalName);
        Assert.Equal("4.3", root.Attribute("version")!.Value);
        Assert.Equal(["Dockerfile", SampleReport.ServicePath], root.Elements("file").Select(f => f.Attribute("name")!.Value));
        var errors = root.Descendants("error").ToArray();
        Assert.Equal(["warning", "info", "error", "info"], errors.Select(e => e.Attribute("severity")!.Value));
        Assert.Equal(["stagecraft.STG901", "stagecraft.STG902", "stagecraft.STG903", "stagecraft.STG904"], errors.Select(e => e.Attribute("source")!.Value));
        Assert.Equal(("1", "6"), (errors[0].Attribute("line")!.Value, errors[0].Attribute("column")!.Value));
        Assert.Equal("Label «description» has no namespace;\nprefer org.opencontainers.image.description", errors[3].Attribute("message")!.Value);
    }

    [Fact]
    public void JUnit_has_a_suite_per_file_a_failure_per_finding_and_a_passing_case_for_a_clean_file()
    {
        var report = new ReportBuilder()
            .File("Dockerfile", SampleReport.Dockerfile, file => file.Add(SampleReport.Rules[0], "ubuntu:latest", "pin it").Add(SampleReport.Rules[2], "USER root", "root"))
            .File("clean.Dockerfile", "FROM alpine:3.20\n")
            .Build();

        var root = XDocument.Parse(SampleReport.Render("junit", report)).Root!;
        var suites = root.Elements("testsuite").ToArray();

        Assert.Equal(("3", "2"), (root.Attribute("tests")!.Value, root.Attribute("failures")!.Value));
        Assert.Equal(["Dockerfile", "clean.Dockerfile"], suites.Select(s => s.Attribute("name")!.Value));
        Assert.Equal(("2", "2"), (suites[0].Attribute("tests")!.Value, suites[0].Attribute("failures")!.Value));
        var failure = suites[0].Elements("testcase").First().Element("failure")!;
        Assert.Equal("pin it", failure.Attribute("message")!.Value);
        Assert.Equal("warning", failure.Attribute("type")!.Value);
        Assert.StartsWith("Dockerfile:1:6 STG901 warning: pin it\n", failure.Value);
        var clean = suites[1].Elements("testcase").Single();
        Assert.Null(clean.Element("failure"));
        Assert.Equal(("0", "1"), (suites[1].Attribute("failures")!.Value, suites[1].Attribute("tests")!.Value));
    }

    [Fact]
    public void Severity_words_differ_per_format_as_documented()
    {
        Assert.Equal(["error", "warning", "info", "info"],
            new[] { Severity.Error, Severity.Warning, Severity.Info, Severity.Style }.Select(Stagecraft.Reporting.Findings.CheckstyleReporter.Severity));
    }
}
