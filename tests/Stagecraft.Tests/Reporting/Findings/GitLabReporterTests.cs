using System.Text.Json;

namespace Stagecraft.Tests.Reporting.Findings;

public class GitLabReporterTests
{
    [Fact]
    public void Issues_have_what_code_quality_needs()
    {
        using var json = JsonDocument.Parse(SampleReport.Render("gitlab", SampleReport.Build()));
        var issues = json.RootElement.EnumerateArray().ToArray();

        Assert.Equal(4, issues.Length);
        Assert.Equal(["major", "minor", "critical", "info"], issues.Select(i => i.GetProperty("severity").GetString()));
        Assert.Equal(["STG901", "STG902", "STG903", "STG904"], issues.Select(i => i.GetProperty("check_name").GetString()));
        Assert.Equal(4, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        Assert.All(issues, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("description").GetString())));
        var location = issues[3].GetProperty("location");
        Assert.Equal(SampleReport.ServicePath, location.GetProperty("path").GetString());
        Assert.Equal((2, 2), (location.GetProperty("lines").GetProperty("begin").GetInt32(), location.GetProperty("lines").GetProperty("end").GetInt32()));
        Assert.Equal(3, issues[2].GetProperty("location").GetProperty("lines").GetProperty("end").GetInt32());
    }

    [Fact]
    public void A_clean_run_is_an_empty_array()
    {
        using var json = JsonDocument.Parse(SampleReport.Render("gitlab", SampleReport.Clean()));

        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Fingerprints_survive_lines_added_above_but_depend_on_the_path()
    {
        static string Print(string path, string text) => JsonDocument.Parse(SampleReport.Render("gitlab", new ReportBuilder()
            .File(path, text, file => file.Add(SampleReport.Rules[2], "USER root", "m")).Build())).RootElement[0].GetProperty("fingerprint").GetString()!;

        Assert.Equal(Print("Dockerfile", "FROM a\nUSER root\n"), Print("Dockerfile", "FROM a\n\nRUN x\nUSER root\n"));
        Assert.NotEqual(Print("Dockerfile", "FROM a\nUSER root\n"), Print("other/Dockerfile", "FROM a\nUSER root\n"));
    }
}
