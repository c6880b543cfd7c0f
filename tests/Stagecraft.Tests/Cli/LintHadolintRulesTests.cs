using System.Text.Json;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>hadolint settings that shape rules (trusted registries, turning DL1001 on) and hadolint's inline comments, end to end.</summary>
public sealed class LintHadolintRulesTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Trusted_registries_from_the_hadolint_file_accept_wildcards()
    {
        _temp.Write("Dockerfile", "FROM eu.gcr.io/project/base:1.0 AS base\nFROM node:20-slim\n");
        _temp.Write(".hadolint.yaml", "trustedRegistries:\n  - \"*.gcr.io\"\n");

        var findings = Findings(Lint([]));

        var finding = Assert.Single(findings, f => f.Aliases.Contains("DL3026"));
        Assert.Equal(("STG218", 2, "error"), (finding.Rule, finding.Line, finding.Severity));
    }

    [Fact]
    public void Trusted_registries_from_the_environment()
    {
        _temp.Write("Dockerfile", "FROM ghcr.io/org/app:1.0\n");

        var findings = Findings(Lint(new Dictionary<string, string> { ["HADOLINT_TRUSTED_REGISTRIES"] = "docker.io,quay.io" }));

        Assert.Contains(findings, f => f.Rule == "STG218");
        Assert.DoesNotContain(Findings(Lint([])), f => f.Rule == "STG218");
    }

    [Fact]
    public void An_override_turns_on_dl1001_while_the_comment_still_silences_dl3008()
    {
        _temp.Write("Dockerfile", "FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n");
        Assert.DoesNotContain(Findings(Lint([])), f => f.Aliases.Contains("DL1001") || f.Aliases.Contains("DL3008"));

        _temp.Write(".hadolint.yaml", "override:\n  warning:\n    - DL1001\n");
        var findings = Findings(Lint([]));

        var pragma = Assert.Single(findings, f => f.Aliases.Contains("DL1001"));
        Assert.Equal(("STG200", 2, "warning"), (pragma.Rule, pragma.Line, pragma.Severity));
        Assert.DoesNotContain(findings, f => f.Aliases.Contains("DL3008"));
    }

    private CliResult Lint(Dictionary<string, string> environment) =>
        CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Environment = environment }, ["lint", "--format", "json", "--failure-threshold", "none"]);

    private static (string Rule, int Line, string Severity, string[] Aliases)[] Findings(CliResult result) =>
        JsonDocument.Parse(result.Output).RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("findings").EnumerateArray())
            .Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("severity").GetString()!,
                f.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToArray()))
            .ToArray();
}
