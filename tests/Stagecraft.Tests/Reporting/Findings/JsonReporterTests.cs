using System.Text.Json;
using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings.Json;

namespace Stagecraft.Tests.Reporting.Findings;

public class JsonReporterTests
{
    [Fact]
    public void Output_reads_back_into_the_documented_shape()
    {
        var json = SampleReport.Render("json", SampleReport.Build());

        var document = JsonSerializer.Deserialize(json, LintJsonContext.Default.LintJsonDocument)!;

        Assert.Equal(LintJsonDocument.CurrentVersion, document.Version);
        Assert.Equal(["Dockerfile", SampleReport.ServicePath], document.Files.Select(f => f.Path));
        var latest = document.Files[0].Findings[0];
        Assert.Equal(("STG901", "warning", 1, 6, 1, 19, "build"), (latest.Rule, latest.Severity, latest.Line, latest.Column, latest.EndLine, latest.EndColumn, latest.Stage));
        Assert.Equal(["DL3007"], latest.Aliases);
        Assert.Null(latest.Fix);
        var edit = document.Files[0].Findings[1].Fix!.Edits.Single();
        Assert.Equal("safe", document.Files[0].Findings[1].Fix!.Safety);
        Assert.Equal((2, 46, 2, 46, 73, 0, " && rm -rf /var/lib/apt/lists/*"), (edit.Line, edit.Column, edit.EndLine, edit.EndColumn, edit.Offset, edit.Length, edit.NewText));
        var label = document.Files[1].Findings.Single();
        Assert.Equal("Label «description» has no namespace;\nprefer org.opencontainers.image.description", label.Message);
        Assert.Null(label.Stage);
        Assert.Equal(new LintJsonSummary(2, 4, new LintJsonCounts(1, 1, 1, 1), "warning", true), document.Summary with { });
    }

    [Fact]
    public void Edit_offsets_are_bytes_of_the_original_file()
    {
        var document = JsonSerializer.Deserialize(SampleReport.Render("json", SampleReport.Build()), LintJsonContext.Default.LintJsonDocument)!;
        var edit = document.Files[0].Findings[1].Fix!.Edits.Single();

        var bytes = System.Text.Encoding.UTF8.GetBytes(SampleReport.Dockerfile);
        var applied = System.Text.Encoding.UTF8.GetString(bytes[..edit.Offset]) + edit.NewText + System.Text.Encoding.UTF8.GetString(bytes[(edit.Offset + edit.Length)..]);

        Assert.Contains("install -y curl && rm -rf /var/lib/apt/lists/*\n", applied);
    }

    [Fact]
    public void Absent_stage_and_fix_are_left_out_and_text_is_not_html_escaped()
    {
        var json = SampleReport.Render("json", SampleReport.Build());
        using var document = JsonDocument.Parse(json);
        var label = document.RootElement.GetProperty("files")[1].GetProperty("findings")[0];

        Assert.False(label.TryGetProperty("stage", out _));
        Assert.False(label.TryGetProperty("fix", out _));
        Assert.Contains("\"path\": \"services/café/Dockerfile\"", json);
        Assert.Contains(" && rm", json);
    }

    [Fact]
    public void A_clean_run_passes()
    {
        var document = JsonSerializer.Deserialize(SampleReport.Render("json", SampleReport.Clean()), LintJsonContext.Default.LintJsonDocument)!;

        Assert.Empty(document.Files.Single().Findings);
        Assert.Equal(new LintJsonSummary(1, 0, new LintJsonCounts(0, 0, 0, 0), "warning", false), document.Summary);
    }

    [Fact]
    public void Failed_follows_the_threshold()
    {
        var report = new ReportBuilder(Severity.Error).File("Dockerfile", SampleReport.Dockerfile, file => file
            .Add(SampleReport.Rules[0], "ubuntu:latest", "m")).Build();

        var document = JsonSerializer.Deserialize(SampleReport.Render("json", report), LintJsonContext.Default.LintJsonDocument)!;

        Assert.Equal("error", document.Summary.FailureThreshold);
        Assert.False(document.Summary.Failed);
    }
}
