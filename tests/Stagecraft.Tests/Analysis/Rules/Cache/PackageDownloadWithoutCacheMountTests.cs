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
        Assert.Contains("`--mount=type=cache,target=/var/cache/apt,sharing=locked` and `--mount=type=cache,target=/var/lib/apt/lists,sharing=locked`", finding.Message);
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

    [Theory]
    [InlineData("RUN pip install --upgrade pip setuptools wheel\n")]
    [InlineData("RUN python3 -m pip install --no-cache-dir 'setuptools==79.0.1' 'wheel<0.46'\n")]
    [InlineData("RUN npm install -g npm@\"$NPM_VERSION\"\n")]
    public void The_manager_updating_itself_is_not_worth_a_mount(string run) =>
        RuleAssert.Quiet(Rule, "FROM python:3.12\n" + run);

    [Theory]
    [InlineData("RUN [|pip install --upgrade pip flask|]\n")]
    [InlineData("RUN [|pip install -r requirements.txt pip|]\n")]
    [InlineData("RUN [|pip install -i https://example.com/simple pip|]\n")]
    public void Installing_anything_else_is_not_a_bootstrap(string run) =>
        RuleAssert.Marked(Rule, "FROM python:3.12\n" + run);

    [Fact]
    public void A_temporary_toolchain_counts_only_before_anything_from_the_build_context()
    {
        const string build = "RUN apk add --virtual .build-deps gcc musl-dev && make -C /src && apk del .build-deps\n";
        RuleAssert.Quiet(Rule, "FROM alpine:3.20\n" + build);
        RuleAssert.Marked(Rule, "FROM alpine:3.20\nCOPY src /src\n" + build.Replace("apk add --virtual .build-deps gcc musl-dev", "[|apk add --virtual .build-deps gcc musl-dev|]", StringComparison.Ordinal));
        RuleAssert.Marked(Rule, "FROM alpine:3.20 AS base\nRUN --mount=type=bind,target=/src true\nFROM base\n"
            + build.Replace("apk add --virtual .build-deps gcc musl-dev", "[|apk add --virtual .build-deps gcc musl-dev|]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_package_marked_manual_by_name_survives_the_autoremove_so_the_toolchain_is_not_temporary()
    {
        const string idiom = "RUN apt-get update && {0} && make -C /src && apt-mark auto '.*' && apt-mark manual {1} && apt-get purge -y --auto-remove\n";
        RuleAssert.Quiet(Rule, "FROM debian:bookworm-slim\n" + string.Format(idiom, "apt-get install -y gcc libpq-dev", "$saved"));
        RuleAssert.Marked(Rule, "FROM debian:bookworm-slim\n" + string.Format(idiom, "[|apt-get install -y gcc libpq-dev|]", "libpq-dev"));
    }
}
