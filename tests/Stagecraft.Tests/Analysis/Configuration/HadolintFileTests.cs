using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Configuration;

/// <summary>hadolint's configuration file, read with hadolint's keys into the configuration the linter applies.</summary>
public class HadolintFileTests
{
    // Only the test rules: DL codes other than DL9990 are then certainly unknown, whatever rules land later.
    private static readonly IReadOnlyList<Rule> Rules = [TestRules.EveryRun, TestRules.EveryFrom];

    private static ConfigurationFile Parse(string yaml, IReadOnlyDictionary<string, string>? environment = null) =>
        HadolintConfiguration.Parse(yaml, ".hadolint.yaml", name => environment?.GetValueOrDefault(name), "/repo", Rules)!;

    [Fact]
    public void Every_hadolint_key_is_read()
    {
        var file = Parse("""
            ignored: [DL9990, test-every-from]
            override:
              error: [dl9990]
              style: []
            failure-threshold: info
            trustedRegistries:
              - docker.io
              - "*.gcr.io"
            label-schema:
              org.opencontainers.image.source: url
              maintainer: email
            strict-labels: true
            disable-ignore-pragma: true
            """);
        var settings = file.Settings;

        Assert.Equal(ConfigurationKind.Hadolint, file.Kind);
        Assert.Equal(["DL9990", "STG991"], settings.Ignored.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Error, settings.SeverityOverrides["DL9990"]);
        Assert.Equal(Severity.Info, settings.FailureThreshold);
        Assert.Equal(["docker.io", "*.gcr.io"], settings.TrustedRegistries);
        Assert.Equal("url", settings.LabelSchema["org.opencontainers.image.source"]);
        Assert.Equal("email", settings.LabelSchema["maintainer"]);
        Assert.True(settings.StrictLabels);
        Assert.False(settings.AllowInlineIgnores);
        Assert.Equal(".hadolint.yaml", settings.Source);
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void Unset_keys_keep_stagecraft_defaults()
    {
        var settings = Parse("ignored: [DL9990]\n").Settings;

        Assert.Equal(Severity.Warning, settings.FailureThreshold);
        Assert.False(settings.StrictLabels);
        Assert.True(settings.AllowInlineIgnores);
        Assert.Empty(settings.TrustedRegistries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# comments only\n")]
    [InlineData("---\n")]
    [InlineData("ignored:\noverride:\ntrustedRegistries:\n")]
    public void Empty_files_and_values_mean_defaults(string yaml)
    {
        var settings = Parse(yaml).Settings;

        Assert.Empty(settings.Ignored);
        Assert.Empty(settings.SeverityOverrides);
        Assert.Equal(Severity.Warning, settings.FailureThreshold);
    }

    [Theory]
    [InlineData("error", Severity.Error)]
    [InlineData("warning", Severity.Warning)]
    [InlineData("info", Severity.Info)]
    [InlineData("style", Severity.Style)]
    [InlineData("Warning", Severity.Warning)]
    // In hadolint, 'ignore' and 'none' are below style: any finding at all fails the run.
    [InlineData("ignore", Severity.Style)]
    [InlineData("none", Severity.Style)]
    public void Failure_threshold_keeps_hadolints_meaning(string value, Severity expected)
    {
        Assert.Equal(expected, Parse($"failure-threshold: {value}\n").Settings.FailureThreshold);
    }

    [Fact]
    public void No_fail_means_the_run_never_fails_whatever_the_threshold()
    {
        Assert.Null(Parse("failure-threshold: error\nno-fail: true\n").Settings.FailureThreshold);
        Assert.Equal(Severity.Error, Parse("failure-threshold: error\nno-fail: false\n").Settings.FailureThreshold);
    }

    [Fact]
    public void A_single_trusted_registry_may_be_written_without_a_list()
    {
        Assert.Equal(["my-company.com:5000"], Parse("trustedRegistries: my-company.com:5000\n").Settings.TrustedRegistries);
    }

    [Fact]
    public void An_empty_quoted_label_kind_is_text_as_in_hadolint()
    {
        Assert.Equal("text", Parse("label-schema:\n  author: \"\"\n").Settings.LabelSchema["author"]);
    }

    [Fact]
    public void A_rule_under_two_severities_takes_the_most_severe_as_hadolint_does()
    {
        var settings = Parse("override:\n  style: [DL9990]\n  warning: [DL9990]\n  info: [DL9990]\n").Settings;

        Assert.Equal(Severity.Warning, settings.SeverityOverrides["DL9990"]);
    }

    [Fact]
    public void Hadolint_codes_no_rule_checks_are_kept_and_noted()
    {
        var file = Parse("ignored: [DL3005, dl4002, SC2086]\noverride:\n  error: [DL3005]\n");

        Assert.Equal(["DL3005", "DL4002", "SC2086"], file.Settings.Ignored.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Error, file.Settings.SeverityOverrides["DL3005"]);
        // ShellCheck codes are not noted: which exist is up to ShellCheck, not to our rule list.
        Assert.Equal([".hadolint.yaml: no Stagecraft rule checks DL3005 or DL4002 yet"], file.Notes);
    }

    [Fact]
    public void A_kept_code_silences_findings_that_name_it()
    {
        var settings = Parse("ignored: [DL9990]\n").Settings;

        var findings = RuleAssert.LintWith(Rules, "FROM alpine\nRUN a\n", settings);

        Assert.Equal(["STG991"], findings.Select(f => f.Rule.Id));
    }

    [Theory]
    [InlineData("no-color: true\n", ".hadolint.yaml:1: 'no-color' only shapes hadolint's own output; Stagecraft does not use it (use --no-color or NO_COLOR)")]
    [InlineData("verbose: true\n", ".hadolint.yaml:1: 'verbose' only shapes hadolint's own output; Stagecraft does not use it")]
    [InlineData("\nformat: sarif\n", ".hadolint.yaml:2: 'format' only shapes hadolint's own output; Stagecraft does not use it (use --format)")]
    [InlineData("formats: [json, gnu]\n", ".hadolint.yaml:1: 'formats' only shapes hadolint's own output; Stagecraft does not use it (use --format)")]
    public void Output_settings_are_accepted_and_noted(string yaml, string note)
    {
        var file = Parse(yaml);

        Assert.Equal([note], file.Notes);
        Assert.Equal(LintConfiguration.Default.FailureThreshold, file.Settings.FailureThreshold);
    }

    [Fact]
    public void Output_switches_that_are_off_need_no_note()
    {
        Assert.Empty(Parse("no-color: false\nverbose: false\n").Notes);
    }

    [Fact]
    public void The_example_in_the_docs_is_valid()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "configuration.md")).ReplaceLineEndings("\n");
        var section = page.IndexOf("## Coming from hadolint", StringComparison.Ordinal);
        Assert.True(section > 0, "docs/configuration.md has a 'Coming from hadolint' section");
        var start = page.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        var file = HadolintConfiguration.Parse(yaml, ".hadolint.yaml", _ => null, "/repo")!;

        Assert.NotEmpty(file.Settings.Ignored);
        Assert.NotEmpty(file.Settings.SeverityOverrides);
    }
}
