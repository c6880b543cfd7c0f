using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;

namespace Stagecraft.Tests.Analysis.Configuration;

/// <summary>hadolint's HADOLINT_* variables, alone and under hadolint's file.</summary>
public class HadolintEnvironmentTests
{
    private static readonly IReadOnlyList<Rule> Rules = [TestRules.EveryRun, TestRules.EveryFrom];

    private static ConfigurationFile? Load(string? yaml, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return HadolintConfiguration.Parse(yaml, yaml is null ? null : ".hadolint.yaml", name => environment.GetValueOrDefault(name), "/repo", Rules);
    }

    private static LintConfiguration Settings(params (string Name, string Value)[] variables) => Load(null, variables)!.Settings;

    [Fact]
    public void Nothing_set_and_no_file_is_no_hadolint_configuration()
    {
        Assert.Null(Load(null));
        Assert.Null(Load(null, ("HADOLINT_IGNORE", ""), ("OTHER", "x")));
    }

    [Fact]
    public void Each_variable_is_read()
    {
        Assert.Equal(["DL9990", "STG991"], Settings(("HADOLINT_IGNORE", "DL9990, test-every-from")).Ignored.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Error, Settings(("HADOLINT_OVERRIDE_ERROR", "DL9990")).SeverityOverrides["DL9990"]);
        Assert.Equal(Severity.Warning, Settings(("HADOLINT_OVERRIDE_WARNING", "DL9990")).SeverityOverrides["DL9990"]);
        Assert.Equal(Severity.Info, Settings(("HADOLINT_OVERRIDE_INFO", "DL9990")).SeverityOverrides["DL9990"]);
        Assert.Equal(Severity.Style, Settings(("HADOLINT_OVERRIDE_STYLE", "DL9990,STG991")).SeverityOverrides["STG991"]);
        Assert.Equal(["docker.io", "ghcr.io"], Settings(("HADOLINT_TRUSTED_REGISTRIES", "docker.io,ghcr.io")).TrustedRegistries);
        Assert.Equal(Severity.Error, Settings(("HADOLINT_FAILURE_THRESHOLD", "error")).FailureThreshold);
        Assert.Equal(Severity.Style, Settings(("HADOLINT_FAILURE_THRESHOLD", "none")).FailureThreshold);
        Assert.Null(Settings(("HADOLINT_NOFAIL", "1")).FailureThreshold);
        Assert.Equal(Severity.Warning, Settings(("HADOLINT_NOFAIL", "false")).FailureThreshold);
        Assert.True(Settings(("HADOLINT_STRICT_LABELS", "yes")).StrictLabels);
        Assert.False(Settings(("HADOLINT_DISABLE_IGNORE_PRAGMA", "on")).AllowInlineIgnores);
        Assert.True(Settings(("HADOLINT_DISABLE_IGNORE_PRAGMA", "0")).AllowInlineIgnores);
    }

    [Fact]
    public void Required_labels_are_label_kind_pairs_and_a_bare_label_is_text()
    {
        var schema = Settings(("HADOLINT_REQUIRE_LABELS", "maintainer:email, version:semver,author")).LabelSchema;

        Assert.Equal("email", schema["maintainer"]);
        Assert.Equal("semver", schema["version"]);
        Assert.Equal("text", schema["author"]);
    }

    [Theory]
    [InlineData("HADOLINT_VERBOSE", "1", "HADOLINT_VERBOSE: only shapes hadolint's own output; Stagecraft does not use it")]
    [InlineData("HADOLINT_FORMAT", "json", "HADOLINT_FORMAT: only shapes hadolint's own output; Stagecraft does not use it (use --format)")]
    [InlineData("HADOLINT_IGNORE", "DL3005,SC2086", "HADOLINT_IGNORE: no Stagecraft rule checks DL3005 yet")]
    public void Notes_name_the_variable(string name, string value, string note)
    {
        Assert.Equal([note], Load(null, (name, value))!.Notes);
    }

    [Fact]
    public void The_source_names_the_file_and_the_variables_used()
    {
        Assert.Equal("HADOLINT_NOFAIL, HADOLINT_IGNORE", Settings(("HADOLINT_IGNORE", "DL9990"), ("HADOLINT_NOFAIL", "1")).Source);
        Assert.Equal(".hadolint.yaml, HADOLINT_IGNORE", Load("", ("HADOLINT_IGNORE", "DL9990"))!.Settings.Source);
        Assert.Equal(".hadolint.yaml", Load("")!.Settings.Source);
    }

    [Fact]
    public void The_file_wins_over_a_variable_for_single_values()
    {
        var settings = Load("failure-threshold: info\nstrict-labels: false\nlabel-schema:\n  version: text\n",
            ("HADOLINT_FAILURE_THRESHOLD", "error"), ("HADOLINT_STRICT_LABELS", "1"), ("HADOLINT_REQUIRE_LABELS", "version:semver,author:email"))!.Settings;

        Assert.Equal(Severity.Info, settings.FailureThreshold);
        Assert.False(settings.StrictLabels);
        Assert.Equal("text", settings.LabelSchema["version"]);
        Assert.Equal("email", settings.LabelSchema["author"]);
    }

    [Fact]
    public void A_variable_applies_where_the_file_is_silent()
    {
        var settings = Load("ignored: [DL9990]\n", ("HADOLINT_FAILURE_THRESHOLD", "error"), ("HADOLINT_DISABLE_IGNORE_PRAGMA", "true"))!.Settings;

        Assert.Equal(Severity.Error, settings.FailureThreshold);
        Assert.False(settings.AllowInlineIgnores);
    }

    [Fact]
    public void Lists_from_the_file_and_the_variables_add_up()
    {
        var settings = Load("ignored: [DL9990]\ntrustedRegistries: [docker.io]\n",
            ("HADOLINT_IGNORE", "STG991"), ("HADOLINT_TRUSTED_REGISTRIES", "ghcr.io,docker.io"))!.Settings;

        Assert.Equal(["DL9990", "STG991"], settings.Ignored.Order(StringComparer.Ordinal));
        Assert.Equal(["ghcr.io", "docker.io"], settings.TrustedRegistries);
    }

    [Fact]
    public void No_fail_from_a_variable_beats_the_files_threshold_as_in_hadolint()
    {
        Assert.Null(Load("failure-threshold: style\n", ("HADOLINT_NOFAIL", "y"))!.Settings.FailureThreshold);
        Assert.Equal(Severity.Style, Load("failure-threshold: style\nno-fail: false\n", ("HADOLINT_NOFAIL", "y"))!.Settings.FailureThreshold);
    }

    [Fact]
    public void The_most_severe_override_wins_across_sources()
    {
        var settings = Load("override:\n  info: [DL9990]\n", ("HADOLINT_OVERRIDE_ERROR", "DL9990"))!.Settings;

        Assert.Equal(Severity.Error, settings.SeverityOverrides["DL9990"]);
    }

    [Theory]
    [InlineData("HADOLINT_IGNORE", "DL9990,crazy", "HADOLINT_IGNORE: unknown rule 'crazy'")]
    [InlineData("HADOLINT_OVERRIDE_ERROR", "DL999", "HADOLINT_OVERRIDE_ERROR: unknown rule 'DL999' (did you mean 'DL9990'?)")]
    [InlineData("HADOLINT_FAILURE_THRESHOLD", "fatal", "HADOLINT_FAILURE_THRESHOLD: unknown failure threshold 'fatal' (expected error, warning, info, style, ignore or none)")]
    [InlineData("HADOLINT_NOFAIL", "maybe", "HADOLINT_NOFAIL: expected 1, true, yes, on or y to switch it on (0, false, no, off or n for off), not 'maybe'")]
    [InlineData("HADOLINT_STRICT_LABELS", "2", "HADOLINT_STRICT_LABELS: expected 1, true, yes, on or y to switch it on (0, false, no, off or n for off), not '2'")]
    [InlineData("HADOLINT_REQUIRE_LABELS", "maintainer:person", "HADOLINT_REQUIRE_LABELS: unknown label kind 'person' (expected text, url, semver, hash, rfc3339, spdx or email)")]
    [InlineData("HADOLINT_REQUIRE_LABELS", ":url", "HADOLINT_REQUIRE_LABELS: ':url' names no label (expected label:kind, e.g. maintainer:text)")]
    [InlineData("HADOLINT_FORMAT", "json,xml", "HADOLINT_FORMAT: unknown output format 'xml' (expected tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif or junit)")]
    public void A_value_hadolint_would_drop_is_an_error_naming_the_variable(string name, string value, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(null, (name, value)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Every_documented_variable_is_read()
    {
        var page = File.ReadAllText(Path.Combine(Support.SharedData.RepositoryRoot, "docs", "configuration.md"));

        Assert.All(HadolintEnvironment.Names, name => Assert.Contains($"`{name}`", page));
    }
}
