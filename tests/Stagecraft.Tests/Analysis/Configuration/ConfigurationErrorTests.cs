using Stagecraft.Analysis.Configuration;

namespace Stagecraft.Tests.Analysis.Configuration;

/// <summary>Every way a .stagecraft.yaml can be wrong is an error naming the file and the line; nothing is silently ignored.</summary>
public class ConfigurationErrorTests
{
    [Theory]
    [InlineData("ignored: [STG000]\nignore: [STG000]\n", ".stagecraft.yaml:2: unknown key 'ignore' (did you mean 'ignored'?)")]
    [InlineData("trustedRegistries: [docker.io]\n", ".stagecraft.yaml:1: unknown key 'trustedRegistries' (did you mean 'trusted-registries'?)")]
    [InlineData("colour: true\n", ".stagecraft.yaml:1: unknown key 'colour' (expected ignored, override, failure-threshold, trusted-registries, label-schema, strict-labels, disable-ignore-pragma, overrides or image)")]
    [InlineData("ignored: [STG000\n", ".stagecraft.yaml:2: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("ignored:\n  - STG000\n failure-threshold: error\n", ".stagecraft.yaml:3: invalid YAML: while parsing a block mapping, did not find expected key")]
    [InlineData("ignored: [STG000]\nignored: [STG990]\n", ".stagecraft.yaml:2: invalid YAML: duplicate key ignored")]
    [InlineData("- STG000\n", ".stagecraft.yaml:1: expected settings as 'key: value' lines at the top level")]
    [InlineData("a: 1\n---\nb: 2\n", ".stagecraft.yaml:3: a second YAML document; a configuration file holds one")]
    [InlineData("ignored: STG000\n", ".stagecraft.yaml:1: 'ignored' must be a list of rule ids, e.g. [a, b]")]
    [InlineData("ignored:\n  - STG000\n  - [STG990]\n", ".stagecraft.yaml:3: 'ignored' must be a list of rule ids; this item is not one")]
    [InlineData("ignored: [STG999]\n", ".stagecraft.yaml:1: unknown rule 'STG999' (did you mean 'STG990'?)")]
    [InlineData("ignored: [test-evry-run]\n", ".stagecraft.yaml:1: unknown rule 'test-evry-run' (did you mean 'test-every-run'?)")]
    [InlineData("ignored: [SC20866]\n", ".stagecraft.yaml:1: unknown rule 'SC20866'")]
    [InlineData("override:\n  critical: [STG990]\n", ".stagecraft.yaml:2: unknown severity 'critical' (expected error, warning, info or style)")]
    [InlineData("override:\n  warnings: [STG990]\n", ".stagecraft.yaml:2: unknown severity 'warnings' (did you mean 'warning'?)")]
    [InlineData("override:\n  error: [STG990]\n  info: [stg990]\n", ".stagecraft.yaml:3: 'stg990' is already listed under 'error'")]
    [InlineData("override: [STG990]\n", ".stagecraft.yaml:1: 'override' must map severities to lists of rule ids, e.g. 'warning: [STG001]'")]
    [InlineData("override:\n  error: STG990\n", ".stagecraft.yaml:2: 'override.error' must be a list of rule ids, e.g. [a, b]")]
    [InlineData("failure-threshold: high\n", ".stagecraft.yaml:1: 'failure-threshold' must be error, warning, info, style or none, not 'high'")]
    [InlineData("failure-threshold: [error]\n", ".stagecraft.yaml:1: 'failure-threshold' must be a severity")]
    [InlineData("strict-labels: yes\n", ".stagecraft.yaml:1: 'strict-labels' must be true or false, not 'yes'")]
    [InlineData("disable-ignore-pragma: 1\n", ".stagecraft.yaml:1: 'disable-ignore-pragma' must be true or false, not '1'")]
    [InlineData("trusted-registries: docker.io\n", ".stagecraft.yaml:1: 'trusted-registries' must be a list of registry host names, e.g. [a, b]")]
    [InlineData("label-schema:\n  maintainer: person\n", ".stagecraft.yaml:2: unknown label kind 'person' (expected text, url, semver, hash, rfc3339, spdx or email)")]
    [InlineData("label-schema:\n  homepage: uri\n", ".stagecraft.yaml:2: unknown label kind 'uri' (did you mean 'url'?)")]
    [InlineData("label-schema: [a]\n", ".stagecraft.yaml:1: 'label-schema' must map label names to kinds, e.g. 'org.opencontainers.image.source: url'")]
    [InlineData("overrides:\n  paths: [a]\n", ".stagecraft.yaml:2: 'overrides' must be a list of entries, each with 'paths' and 'ignored' or 'override'")]
    [InlineData("overrides:\n  - ignored: [STG990]\n", ".stagecraft.yaml:2: an 'overrides' entry needs 'paths': the Dockerfiles it applies to, e.g. ['legacy/**']")]
    [InlineData("overrides:\n  - paths: [legacy/**]\n    path: [x]\n", ".stagecraft.yaml:3: unknown key 'path' in an 'overrides' entry (did you mean 'paths'?)")]
    [InlineData("overrides:\n  - paths: [legacy/**]\n    failure-threshold: none\n", ".stagecraft.yaml:3: unknown key 'failure-threshold' in an 'overrides' entry (expected paths, ignored or override)")]
    [InlineData("overrides:\n  - paths: [legacy/**]\n    ignored: [STG99]\n", ".stagecraft.yaml:3: unknown rule 'STG99' (did you mean 'STG990'?)")]
    [InlineData("overrides:\n  - legacy/**\n", ".stagecraft.yaml:2: each 'overrides' entry must be a mapping with 'paths' and 'ignored' or 'override'")]
    public void Is_an_error_with_file_and_line(string yaml, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Parse(yaml, ".stagecraft.yaml", "/repo", TestRules.All));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_missing_explicit_file_is_an_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Load("/nonexistent/stagecraft.yaml", "ci/stagecraft.yaml"));

        Assert.Equal("ci/stagecraft.yaml: no such file", error.Message);
    }

    [Fact]
    public void Both_yaml_and_yml_in_one_folder_is_an_error()
    {
        using var temp = new Support.TempDirectory();
        temp.Write(".stagecraft.yaml", "");
        temp.Write(".stagecraft.yml", "");

        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Find(temp.FullPath));

        Assert.EndsWith(".stagecraft.yaml: both .stagecraft.yaml and .stagecraft.yml are here; keep one", error.Message);
    }
}
