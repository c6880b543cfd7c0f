using System.Text.Json;
using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Reporting.Findings;

public class SarifReporterTests
{
    [Fact]
    public void Sample_has_the_shape_of_SARIF_2_1_0() => SarifShape.Check(Sarif(SampleReport.Build()));

    [Fact]
    public void Clean_run_has_an_empty_results_array_and_still_lists_the_rules()
    {
        using var sarif = Sarif(SampleReport.Clean());
        SarifShape.Check(sarif);
        var run = sarif.RootElement.GetProperty("runs").EnumerateArray().Single();

        Assert.Equal(JsonValueKind.Array, run.GetProperty("results").ValueKind);
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal(SampleReport.Rules.Length, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public void Regions_never_have_line_or_column_0()
    {
        var report = new ReportBuilder()
            .File("empty", "", file => file.Add(SampleReport.Rules[0], new TextSpan(0, 0), "empty file"))
            .File("Dockerfile", "FROM a\r\nRUN b\r\n", file => file
                .Add(SampleReport.Rules[0], new TextSpan(0, 0), "file start")
                .Add(SampleReport.Rules[1], "RUN b\r\n", "whole line with CRLF")
                .Add(SampleReport.Rules[2], new TextSpan(15, 0), "end of file")
                .Add(SampleReport.Rules[3], new TextSpan(0, 15), "whole file"))
            .Linted("broken.Dockerfile", "FROM alpine\nFOO bar\nRUN [\"unclosed\n")
            .Build();

        using var sarif = Sarif(report);
        SarifShape.Check(sarif);
        var regions = Regions(sarif.RootElement).ToArray();

        Assert.True(regions.Length >= 6);
        Assert.All(regions, region =>
        {
            foreach (var name in new[] { "startLine", "startColumn", "endLine", "endColumn" })
                Assert.True(region.GetProperty(name).GetInt32() >= 1, $"{name} in {region}");
        });
    }

    [Fact]
    public void A_span_ending_in_its_line_break_ends_on_its_own_line()
    {
        using var sarif = Sarif(SampleReport.Build());
        var root = Results(sarif).Single(r => r.GetProperty("ruleId").GetString() == "STG903");
        var region = root.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        Assert.Equal((3, 1, 3, 10), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void Fingerprints_stay_the_same_when_lines_are_added_above()
    {
        static LintReport Lint(string prefix) => new ReportBuilder().File("Dockerfile", prefix + SampleReport.Dockerfile, file => file
            .Add(SampleReport.Rules[0], "ubuntu:latest", "m")
            .Add(SampleReport.Rules[2], "USER root", "m")).Build();

        using var before = Sarif(Lint(""));
        using var after = Sarif(Lint("# syntax=docker/dockerfile:1\n\n# a comment\n"));

        Assert.Equal(Fingerprints(before), Fingerprints(after));
        Assert.Equal(Lines(before).Select(l => l + 3), Lines(after));
    }

    [Fact]
    public void Identical_lines_get_different_fingerprints_by_occurrence()
    {
        var report = new ReportBuilder().File("Dockerfile", "FROM a\nRUN apt-get update\nRUN apt-get update\n", file => file
            .Add(SampleReport.Rules[1], new TextSpan(7, 18), "m")
            .Add(SampleReport.Rules[1], new TextSpan(26, 18), "m")).Build();

        var fingerprints = Fingerprints(Sarif(report));

        Assert.Equal(2, fingerprints.Distinct().Count());
        Assert.EndsWith(":1", fingerprints[0]);
        Assert.EndsWith(":2", fingerprints[1]);
        Assert.Equal(fingerprints[0][..^2], fingerprints[1][..^2]);
    }

    [Fact]
    public void Fingerprints_ignore_indentation_but_not_the_rule()
    {
        static string Print(string text, int rule) => Fingerprints(Sarif(new ReportBuilder().File("Dockerfile", text, file => file
            .Add(SampleReport.Rules[rule], "USER", "m")).Build())).Single();

        Assert.Equal(Print("FROM a\nUSER root\n", 2), Print("FROM a\n  USER   root  \n", 2));
        Assert.NotEqual(Print("FROM a\nUSER root\n", 2), Print("FROM a\nUSER root\n", 3));
    }

    [Fact]
    public void Results_point_at_their_rule_and_map_severities_to_levels()
    {
        using var sarif = Sarif(SampleReport.Build());
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var levels = new Dictionary<string, string>();
        foreach (var result in Results(sarif))
        {
            var id = result.GetProperty("ruleId").GetString()!;
            Assert.Equal(id, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            levels[id] = result.GetProperty("level").GetString()!;
        }

        Assert.Equal(new Dictionary<string, string> { ["STG901"] = "warning", ["STG902"] = "note", ["STG903"] = "error", ["STG904"] = "note" }, levels);
    }

    [Fact]
    public void Only_security_rules_have_a_security_severity()
    {
        using var sarif = Sarif(SampleReport.Build());
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();

        foreach (var rule in rules)
        {
            var properties = rule.GetProperty("properties");
            var security = rule.GetProperty("id").GetString() == "STG903";
            Assert.Equal(security, properties.TryGetProperty("security-severity", out _));
            Assert.Equal(security, properties.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == "security"));
        }
        var root = rules.Single(r => r.GetProperty("id").GetString() == "STG903").GetProperty("properties").GetProperty("security-severity").GetString();
        Assert.InRange(double.Parse(root!, System.Globalization.CultureInfo.InvariantCulture), 7.0, 8.9);
    }

    [Fact]
    public void Help_markdown_carries_the_whole_explanation()
    {
        using var sarif = Sarif(SampleReport.Build());
        var rule = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[1];
        var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
        var explanation = SampleReport.Rules[1].Explanation;

        Assert.Equal("STG902", rule.GetProperty("id").GetString());
        Assert.Equal(SampleReport.Rules[1].Descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(explanation.Flags, rule.GetProperty("fullDescription").GetProperty("text").GetString());
        foreach (var section in new[] { explanation.Flags, explanation.WhyItMatters, explanation.Bad, explanation.Good, explanation.FixSafety, explanation.Options! })
            Assert.Contains(section, markdown);
        Assert.Contains("```dockerfile\n" + explanation.Bad + "\n```", markdown);
    }

    [Fact]
    public void By_default_rules_come_from_the_whole_catalog()
    {
        using var sarif = Sarif(SampleReport.Clean(), new FindingsReporterOptions());
        var ids = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Select(r => r.GetProperty("id").GetString());

        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id), ids);
    }

    [Fact]
    public void A_rule_outside_the_list_still_gets_an_entry()
    {
        using var sarif = Sarif(SampleReport.Build(), new FindingsReporterOptions { ToolVersion = "1.2.3", Rules = [] });
        SarifShape.Check(sarif);
        var ids = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Select(r => r.GetProperty("id").GetString());

        Assert.Equal(["STG901", "STG902", "STG903", "STG904"], ids);
    }

    [Theory]
    [InlineData("Dockerfile", "Dockerfile")]
    [InlineData("./docker/Dockerfile", "docker/Dockerfile")]
    [InlineData("services/café/Dockerfile", "services/caf%C3%A9/Dockerfile")]
    [InlineData("my app/Dockerfile", "my%20app/Dockerfile")]
    [InlineData("a:b/100%/Dockerfile", "a%3Ab/100%25/Dockerfile")]
    public void Uris_are_relative_percent_encoded_references(string path, string uri)
    {
        var report = new ReportBuilder().File(path, "FROM a\n", file => file.Add(SampleReport.Rules[0], "a", "m")).Build();

        var location = Results(Sarif(report)).Single().GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Equal(uri, location.GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("uriBaseId").GetString());
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
    }

    [Fact]
    public void Absolute_paths_under_the_base_directory_become_relative()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var report = new ReportBuilder().File(Path.Combine(root, "app", "Dockerfile"), "FROM a\n", file => file.Add(SampleReport.Rules[0], "a", "m")).Build();

        var location = Results(Sarif(report, SampleReport.Options with { BaseDirectory = root })).Single()
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Equal("app/Dockerfile", location.GetProperty("uri").GetString());
    }

    [Fact]
    public void Fixes_become_replacements_of_regions()
    {
        var result = Results(Sarif(SampleReport.Build())).Single(r => r.GetProperty("ruleId").GetString() == "STG902");
        var fix = result.GetProperty("fixes").EnumerateArray().Single();
        var replacement = fix.GetProperty("artifactChanges")[0].GetProperty("replacements").EnumerateArray().Single();
        var region = replacement.GetProperty("deletedRegion");

        Assert.Equal("Remove the apt lists in the same RUN", fix.GetProperty("description").GetProperty("text").GetString());
        Assert.Equal(" && rm -rf /var/lib/apt/lists/*", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        Assert.Equal((2, 46, 2, 46), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.False(Results(Sarif(SampleReport.Build())).Single(r => r.GetProperty("ruleId").GetString() == "STG901").TryGetProperty("fixes", out _));
    }

    [Fact]
    public void The_tool_says_who_it_is()
    {
        var driver = Sarif(SampleReport.Clean()).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        Assert.Equal("Stagecraft", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("semanticVersion").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        Assert.DoesNotContain('+', FindingsReporterOptions.CurrentVersion);
    }

    internal static JsonDocument Sarif(LintReport report, FindingsReporterOptions? options = null) =>
        JsonDocument.Parse(SampleReport.Render("sarif", report, options));

    private static IEnumerable<JsonElement> Results(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();

    private static string[] Fingerprints(JsonDocument sarif) =>
        Results(sarif).Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString()!).ToArray();

    private static int[] Lines(JsonDocument sarif) =>
        Results(sarif).Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()).ToArray();

    private static IEnumerable<JsonElement> Regions(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "region" or "deletedRegion")
                        yield return property.Value;
                    foreach (var inner in Regions(property.Value))
                        yield return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Regions(item))
                        yield return inner;
                }
                break;
        }
    }
}
