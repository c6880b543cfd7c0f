using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Configuration;

/// <summary>A valid .stagecraft.yaml becomes the configuration the linter applies, per Dockerfile.</summary>
public class ConfigurationFileTests
{
    private const string Full = """
        # Every key, as docs/configuration.md shows them.
        ignored: [STG990, test-every-from]
        override:
          error: [STG000]
          style: []
        failure-threshold: info
        trusted-registries:
          - docker.io
          - ghcr.io
        label-schema:
          org.opencontainers.image.source: url
          maintainer: email
        strict-labels: true
        disable-ignore-pragma: true
        overrides:
          - paths: [legacy/**, "*.dev.Dockerfile"]
            ignored: [STG000]
            override:
              warning: [DL9990]
        """;

    [Fact]
    public void The_example_in_the_docs_is_valid()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "configuration.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        var file = ConfigurationFile.Parse(yaml, "docs/configuration.md", "/repo");

        Assert.Equal(Severity.Style, file.Settings.SeverityOverrides["STG000"]);
        Assert.Single(file.Overrides);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var file = ConfigurationFile.Parse(Full, ".stagecraft.yaml", "/repo", TestRules.All);
        var settings = file.Settings;

        Assert.Equal(["STG990", "STG991"], settings.Ignored.Order());
        Assert.Equal(Severity.Error, settings.SeverityOverrides["STG000"]);
        Assert.Equal(Severity.Info, settings.FailureThreshold);
        Assert.Equal(["docker.io", "ghcr.io"], settings.TrustedRegistries);
        Assert.Equal("url", settings.LabelSchema["org.opencontainers.image.source"]);
        Assert.Equal("email", settings.LabelSchema["maintainer"]);
        Assert.True(settings.StrictLabels);
        Assert.False(settings.AllowInlineIgnores);
        Assert.Equal(".stagecraft.yaml", settings.Source);
        var entry = Assert.Single(file.Overrides);
        Assert.Equal(["legacy/**", "*.dev.Dockerfile"], entry.Paths);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("~\n")]
    [InlineData("ignored:\noverride:\nfailure-threshold:\n")]
    public void Empty_files_and_empty_values_mean_defaults(string yaml)
    {
        var settings = ConfigurationFile.Parse(yaml, ".stagecraft.yaml", "/repo", TestRules.All).Settings;

        Assert.Empty(settings.Ignored);
        Assert.Empty(settings.SeverityOverrides);
        Assert.Equal(Severity.Warning, settings.FailureThreshold);
        Assert.True(settings.AllowInlineIgnores);
    }

    [Fact]
    public void Threshold_none_never_fails()
    {
        var settings = ConfigurationFile.Parse("failure-threshold: none\n", ".stagecraft.yaml", "/repo", TestRules.All).Settings;

        Assert.Null(settings.FailureThreshold);
    }

    [Fact]
    public void Ids_aliases_and_names_are_stored_in_their_canonical_spelling()
    {
        var settings = ConfigurationFile.Parse("ignored: [stg000, dl9990, TEST-EVERY-FROM]\n", ".stagecraft.yaml", "/repo", TestRules.All).Settings;

        Assert.Equal(["DL9990", "STG000", "STG991"], settings.Ignored.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("legacy/Dockerfile", true)]
    [InlineData("legacy/deep/er/Dockerfile", true)]
    [InlineData("services/legacy/Dockerfile", false)]
    [InlineData("api.dev.Dockerfile", true)]
    [InlineData("services/api/api.dev.Dockerfile", true)]
    [InlineData("Dockerfile", false)]
    public void Per_path_overrides_apply_to_matching_paths(string relative, bool applies)
    {
        var file = ConfigurationFile.Parse(Full, ".stagecraft.yaml", "/repo", TestRules.All);

        var configuration = file.For(Path.Combine("/repo", relative));

        Assert.Equal(applies, configuration.Ignored.Contains("STG000"));
        Assert.Equal(applies, configuration.SeverityOverrides.ContainsKey("DL9990"));
        Assert.Contains("STG990", configuration.Ignored); // the file-wide ignores stay
    }

    [Fact]
    public void A_folder_pattern_covers_everything_inside_it()
    {
        var file = ConfigurationFile.Parse("overrides:\n  - paths: [services/legacy/]\n    ignored: [STG000]\n", ".stagecraft.yaml", "/repo", TestRules.All);

        Assert.Contains("STG000", file.For("/repo/services/legacy/x/Dockerfile").Ignored);
        Assert.DoesNotContain("STG000", file.For("/repo/services/Dockerfile").Ignored);
        Assert.DoesNotContain("STG000", file.For("/elsewhere/services/legacy/Dockerfile").Ignored);
        Assert.DoesNotContain("STG000", file.For(null).Ignored);
    }

    [Fact]
    public void Later_overrides_win()
    {
        const string yaml = """
            override:
              error: [STG990]
            overrides:
              - paths: [a/**]
                override: {info: [STG990]}
              - paths: [a/b/**]
                override: {style: [STG990]}
            """;
        var file = ConfigurationFile.Parse(yaml, ".stagecraft.yaml", "/repo", TestRules.All);

        Assert.Equal(Severity.Error, file.For("/repo/Dockerfile").SeverityOverrides["STG990"]);
        Assert.Equal(Severity.Info, file.For("/repo/a/Dockerfile").SeverityOverrides["STG990"]);
        Assert.Equal(Severity.Style, file.For("/repo/a/b/Dockerfile").SeverityOverrides["STG990"]);
    }

    [Fact]
    public void Search_finds_the_nearest_file_and_stops_at_the_repository_root()
    {
        using var temp = new TempDirectory();
        temp.Write(".stagecraft.yaml", "");
        temp.Write("repo/.git/HEAD", "");
        temp.Write("repo/services/.stagecraft.yml", "");
        var deep = temp.Folder("repo/services/api/src");
        var repoRoot = temp.Folder("repo");
        temp.Folder("repo/other");

        Assert.Equal(Path.Combine(temp.FullPath, "repo", "services", ".stagecraft.yml"), ConfigurationFile.Find(deep));
        Assert.Null(ConfigurationFile.Find(Path.Combine(repoRoot, "other")));
        Assert.Equal(Path.Combine(temp.FullPath, ".stagecraft.yaml"), ConfigurationFile.Find(temp.FullPath));
    }

    [Fact]
    public void The_linter_applies_ignores_aliases_and_severity_overrides()
    {
        const string dockerfile = "FROM alpine\nRUN a\nRUN b\n";
        Finding[] Lint(string yaml) => RuleAssert.LintWith([TestRules.EveryRun, TestRules.EveryFrom], dockerfile,
            ConfigurationFile.Parse(yaml, ".stagecraft.yaml", "/repo", TestRules.All).Settings).ToArray();

        Assert.Equal(["STG991", "STG990", "STG990"], Lint("").Select(f => f.Rule.Id));
        Assert.Equal(["STG991"], Lint("ignored: [DL9990]").Select(f => f.Rule.Id));
        Assert.Equal(["STG990", "STG990"], Lint("ignored: [test-every-from]").Select(f => f.Rule.Id));
        Assert.Equal([Severity.Info, Severity.Error, Severity.Error], Lint("override: {error: [dl9990]}").Select(f => f.Severity));
    }
}
