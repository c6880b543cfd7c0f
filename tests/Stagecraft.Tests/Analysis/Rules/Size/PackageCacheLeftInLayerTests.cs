using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class PackageCacheLeftInLayerTests
{
    private static readonly PackageCacheLeftInLayer Rule = new();

    [Theory]
    [InlineData("RUN apt-get update \\\n    && apt-get install -y curl\n", "RUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("RUN set -eux; apt-get update; apt-get install -y curl;\n", "RUN set -eux; apt-get update; apt-get install -y curl && rm -rf /var/lib/apt/lists/*;\n")]
    [InlineData("RUN if [ -x /usr/bin/apt-get ]; then apt-get update && apt-get install -y curl; fi\n",
        "RUN if [ -x /usr/bin/apt-get ]; then apt-get update && apt-get install -y curl; fi && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("RUN <<EOF\nset -e\napt-get update\napt-get install -y git\nEOF\n", "RUN <<EOF\nset -e\napt-get update\napt-get install -y git && rm -rf /var/lib/apt/lists/*\nEOF\n")]
    [InlineData("RUN apt-get update && apt-get install -y curl", "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")]
    public void Apt_lists_fix_appends_the_removal_after_the_last_command(string run, string expected)
    {
        var text = "FROM debian:bookworm-slim\n" + run;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`apt-get update` leaves /var/lib/apt/lists in the layer: add `rm -rf /var/lib/apt/lists/*` at the end of this RUN or use a cache mount", finding.Message);
        Assert.Equal(["DL3009"], finding.Aliases);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(FixSafety.Safe, finding.Fix!.Safety);
        Assert.Equal("FROM debian:bookworm-slim\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n", "DL3009", Severity.Info)]
    [InlineData("FROM alpine:3.20\nRUN apk add curl\n", "DL3019", Severity.Info)]
    [InlineData("FROM python:3.12-slim\nRUN pip install flask\n", "DL3042", Severity.Warning)]
    public void Each_finding_carries_its_hadolint_checks_default_severity(string text, string alias, Severity severity)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal([alias], finding.Aliases);
        Assert.Equal(severity, finding.Severity);
    }

    [Fact]
    public void No_fix_when_a_comment_ends_the_script()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y git\n# done\nEOF\n"));
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Fix_is_display_only_when_a_later_RUN_installs_without_updating()
    {
        var findings = RuleAssert.Lint(Rule, "FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git && rm -rf /var/lib/apt/lists/*\n");
        Assert.Equal(FixSafety.DisplayOnly, Assert.Single(findings).Fix!.Safety);
    }

    [Theory]
    [InlineData("RUN apk add curl\n", "RUN apk add --no-cache curl\n", "DL3019", "`apk add` without --no-cache keeps /var/cache/apk in the layer: use `apk add --no-cache`")]
    [InlineData("RUN pip install requests\n", "RUN pip install --no-cache-dir requests\n", "DL3042", "`pip install` without --no-cache-dir keeps ~/.cache/pip in the layer: use `pip install --no-cache-dir`")]
    [InlineData("RUN python3 -m pip install flask\n", "RUN python3 -m pip install --no-cache-dir flask\n", "DL3042", null)]
    [InlineData("RUN gem install bundler\n", "RUN gem install --no-document bundler\n", null, null)]
    public void Option_fixes_insert_the_option_after_the_subcommand(string run, string expected, string? alias, string? message)
    {
        var text = "FROM python:3.12-alpine\n" + run;
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(alias is null ? [] : [alias], finding.Aliases);
        if (message is not null)
            Assert.Equal(message, finding.Message);
        Assert.Equal("FROM python:3.12-alpine\n" + expected, FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void Npm_and_yarn_are_info_and_their_cleanup_is_appended()
    {
        const string text = "FROM node:20-slim\nRUN npm ci && yarn install\n";
        var findings = RuleAssert.Lint(Rule, text);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal(["DL3060"], findings.Single(f => f.Message.StartsWith("`yarn", StringComparison.Ordinal)).Aliases);
        var npm = findings.Single(f => f.Message.StartsWith("`npm", StringComparison.Ordinal));
        Assert.Empty(npm.Aliases);
        Assert.Equal("FROM node:20-slim\nRUN npm ci && yarn install && npm cache clean --force\n", FixApplierForTests.Apply(text, npm.Fix!));
    }

    [Fact]
    public void Ignoring_an_alias_drops_only_the_findings_it_names()
    {
        var configuration = new LintConfiguration { Ignored = new HashSet<string>(["DL3009"], StringComparer.OrdinalIgnoreCase) };
        var findings = RuleAssert.Lint(Rule, "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-pip && pip install requests\n", configuration: configuration);
        Assert.Equal(["DL3042"], Assert.Single(findings).Aliases);
    }

    [Fact]
    public void Builder_stages_are_not_checked_but_the_final_chain_is()
    {
        RuleAssert.Marked(Rule, "FROM debian:bookworm-slim AS build\nRUN apt-get update && apt-get install -y gcc\n"
            + "FROM debian:bookworm-slim AS base\nRUN [|apt-get update|] && apt-get install -y curl\nFROM base\nCOPY --from=build /x /x\n");
    }

    [Fact]
    public void A_moved_cache_is_named_where_it_is()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM python:3.12-slim\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n"));
        Assert.Equal("`pip install` without --no-cache-dir keeps /pipcache in the layer: use `pip install --no-cache-dir`", finding.Message);
    }

    [Fact]
    public void Apk_update_gets_one_cleanup_for_everything_apk_left()
    {
        const string text = "FROM alpine:3.20\nRUN apk update && apk add curl\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("`apk update` leaves /var/cache/apk in the layer: add `rm -rf /var/cache/apk/*` at the end of this RUN or use a cache mount", finding.Message);
        Assert.Equal(["DL3019"], finding.Aliases);
        Assert.Equal("FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void The_option_goes_after_the_verb_when_a_global_option_comes_first()
    {
        const string text = "FROM alpine:3.20\nRUN apk -X https://dl-cdn.alpinelinux.org/alpine/edge/main add jq\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("FROM alpine:3.20\nRUN apk -X https://dl-cdn.alpinelinux.org/alpine/edge/main add --no-cache jq\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void An_export_counts_only_before_the_command()
    {
        RuleAssert.Quiet(Rule, "FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n");
        RuleAssert.Marked(Rule, "FROM python:3.12-slim\nRUN [|pip install flask|] && export PIP_NO_CACHE_DIR=1\n");
    }
}
