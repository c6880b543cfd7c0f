using Stagecraft.Analysis.Configuration;

namespace Stagecraft.Tests.Analysis.Configuration;

/// <summary>hadolint skips a file it cannot read and lints with defaults; Stagecraft stops, naming the file and line.</summary>
public class HadolintFileErrorTests
{
    [Theory]
    [InlineData("ignore:\n  - DL3008\n", ".hadolint.yaml:1: unknown key 'ignore' for hadolint (did you mean 'ignored'?)")]
    [InlineData("overrides:\n  DL3003: warning\n", ".hadolint.yaml:1: unknown key 'overrides' for hadolint (did you mean 'override'?)")]
    [InlineData("trusted-registries: [docker.io]\n", ".hadolint.yaml:1: unknown key 'trusted-registries' for hadolint (did you mean 'trustedRegistries'?)")]
    [InlineData("colour: true\n", ".hadolint.yaml:1: unknown key 'colour' for hadolint (expected ignored, override, failure-threshold, trustedRegistries, label-schema, strict-labels, disable-ignore-pragma, no-fail, no-color, verbose, format or formats)")]
    [InlineData("ignored: [DL3008\n", ".hadolint.yaml:2: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("ignored:\n  - DL3008\n failure-threshold: error\n", ".hadolint.yaml:3: invalid YAML: while parsing a block mapping, did not find expected key")]
    [InlineData("- DL3008\n", ".hadolint.yaml:1: expected settings as 'key: value' lines at the top level")]
    [InlineData("ignored: DL3008\n", ".hadolint.yaml:1: 'ignored' must be a list of rule codes, e.g. [a, b]")]
    [InlineData("ignored:\n  - DL3008\n  - {DL3009: yes}\n", ".hadolint.yaml:3: 'ignored' must be a list of rule codes; this item is not one")]
    [InlineData("ignored: [DL999]\n", ".hadolint.yaml:1: unknown rule 'DL999' (did you mean 'DL9990'?)")]
    [InlineData("ignored: [crazy]\n", ".hadolint.yaml:1: unknown rule 'crazy'")]
    [InlineData("override:\n  fatal: [DL3008]\n", ".hadolint.yaml:2: unknown severity 'fatal' (expected error, warning, info or style)")]
    [InlineData("override:\n  ignore: [DL3008]\n", ".hadolint.yaml:2: unknown severity 'ignore' (expected error, warning, info or style)")]
    [InlineData("override: [DL3008]\n", ".hadolint.yaml:1: 'override' must map severities to lists of rule ids, e.g. 'warning: [DL3008]'")]
    [InlineData("override:\n  error: DL3008\n", ".hadolint.yaml:2: 'override.error' must be a list of rule ids, e.g. [a, b]")]
    [InlineData("failure-threshold: high\n", ".hadolint.yaml:1: unknown failure threshold 'high' (expected error, warning, info, style, ignore or none)")]
    [InlineData("failure-threshold: warnings\n", ".hadolint.yaml:1: unknown failure threshold 'warnings' (did you mean 'warning'?)")]
    [InlineData("strict-labels: maybe\n", ".hadolint.yaml:1: 'strict-labels' must be true or false, not 'maybe'")]
    [InlineData("\n\nno-fail: 1\n", ".hadolint.yaml:3: 'no-fail' must be true or false, not '1'")]
    [InlineData("disable-ignore-pragma: [true]\n", ".hadolint.yaml:1: 'disable-ignore-pragma' must be true or false")]
    [InlineData("trustedRegistries: {docker.io: yes}\n", ".hadolint.yaml:1: 'trustedRegistries' must be a list of registry host names, e.g. [a, b]")]
    [InlineData("label-schema:\n  maintainer: person\n", ".hadolint.yaml:2: unknown label kind 'person' (expected text, url, semver, hash, rfc3339, spdx or email)")]
    [InlineData("label-schema: [maintainer]\n", ".hadolint.yaml:1: 'label-schema' must map label names to kinds, e.g. 'org.opencontainers.image.source: url'")]
    [InlineData("format: yaml\n", ".hadolint.yaml:1: unknown output format 'yaml' (expected tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif or junit)")]
    [InlineData("formats:\n  - json\n  - sarf\n", ".hadolint.yaml:3: unknown output format 'sarf' (did you mean 'sarif'?)")]
    public void Is_an_error_with_file_and_line(string yaml, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            HadolintConfiguration.Parse(yaml, ".hadolint.yaml", _ => null, "/repo", [TestRules.EveryRun]));

        Assert.Equal(message, error.Message);
    }
}
