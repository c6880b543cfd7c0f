using Stagecraft.Analysis.Rules.Cache;

namespace Stagecraft.Tests.Analysis.Rules.Cache;

public class PackageDownloadWithoutCacheMountTests
{
    private static readonly PackageDownloadWithoutCacheMount Rule = new();

    [Fact]
    public void Message_gives_the_mount_and_says_it_needs_buildkit_when_there_is_no_directive()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM python:3.12\nRUN [|pip install --no-cache-dir flask|]\n"));
        Assert.Equal("pip starts from an empty cache whenever this step reruns: add `--mount=type=cache,target=/root/.cache/pip` in place of --no-cache-dir to the RUN to keep its downloads on the builder between builds (cache mounts need BuildKit)", finding.Message);
        var withDirective = Assert.Single(RuleAssert.Marked(Rule, "# syntax=docker/dockerfile:1\nFROM maven:3\nUSER app\nRUN [|mvn -B package|]\n"));
        Assert.Equal("mvn starts from an empty cache whenever this step reruns: add `--mount=type=cache,target=/root/.m2` to the RUN to keep its downloads on the builder between builds (as user app, under that user's home)", withDirective.Message);
    }

    [Fact]
    public void Apt_needs_both_mounts_and_one_finding_per_manager_per_run()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM debian\nRUN apt-get update && [|apt-get install -y curl|] && apt-get install -y jq\n"));
        Assert.Contains("`--mount=type=cache,target=/var/cache/apt,sharing=locked` and `--mount=type=cache,target=/var/lib/apt,sharing=locked`", finding.Message);
    }

    [Fact]
    public void A_mount_where_the_cache_variable_points_counts()
    {
        RuleAssert.Quiet(Rule, "FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask\n");
        RuleAssert.Quiet(Rule, "FROM node:22\nRUN --mount=type=cache,target=/cache npm_config_cache=/cache/npm npm ci\n");
    }

    [Fact]
    public void Where_a_variable_moved_the_cache_only_a_mount_there_counts_and_the_advice_names_it()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/root/.cache/pip [|pip install flask|]\n"));
        Assert.StartsWith("pip starts from an empty cache whenever this step reruns: add `--mount=type=cache,target=/pipcache` to the RUN", finding.Message);
    }

    [Fact]
    public void A_target_that_only_mentions_the_manager_does_not_count_but_one_inside_its_cache_does()
    {
        RuleAssert.Marked(Rule, "FROM python:3.12\nRUN --mount=type=cache,target=/tmp/pip-wheels [|pip install flask|]\n");
        RuleAssert.Quiet(Rule, "FROM maven:3.9\nRUN --mount=type=cache,target=/root/.m2/repository mvn -B package\n");
    }
}
