using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class BaseImageNotPinnedTests
{
    private static readonly BaseImageNotPinned Rule = new();

    [Fact]
    public void Each_finding_carries_only_the_alias_that_applies()
    {
        var findings = RuleAssert.Lint(Rule, "FROM ubuntu AS a\nFROM node:latest AS b\nFROM node:20\n");
        Assert.Collection(findings,
            f =>
            {
                Assert.Equal(["DL3006"], f.Aliases);
                Assert.Equal(Severity.Warning, f.Severity);
                Assert.Equal("`ubuntu` has no tag, so it means `ubuntu:latest`, whatever that is on the day of the build: pin a version tag", f.Message);
            },
            f =>
            {
                Assert.Equal(["DL3007"], f.Aliases);
                Assert.Equal("`node:latest` moves with every release: pin a version tag instead of `latest`", f.Message);
            },
            f =>
            {
                Assert.Empty(f.Aliases);
                Assert.Equal(Severity.Info, f.Severity);
                Assert.Equal("`node:20` is a floating tag that moves to new releases: pin a more specific version (or a digest) for reproducible builds", f.Message);
            });
    }

    [Theory]
    [InlineData("debian:12")]
    [InlineData("ubuntu:noble")]
    [InlineData("registry.example.com:5000/mirror/debian:bookworm")]
    [InlineData("fedora:40")]
    [InlineData("mcr.microsoft.com/windows/nanoserver:1809")]
    [InlineData("node:v20.11.1")]
    [InlineData("python:3.12.1-slim")]
    public void Releases_and_versions_are_pinned(string image) => RuleAssert.Quiet(Rule, $"FROM {image}\n");

    [Theory]
    [InlineData("alpine:3")]
    [InlineData("debian:stable")]
    [InlineData("node:lts-alpine")]
    [InlineData("gcr.io/distroless/static-debian12:nonroot")]
    public void Moving_tags_are_info(string image) => Assert.Equal(Severity.Info, Assert.Single(RuleAssert.Lint(Rule, $"FROM {image}\n")).Severity);
}
