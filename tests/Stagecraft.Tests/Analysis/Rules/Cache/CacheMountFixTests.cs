using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Cache;
using Stagecraft.Fixing;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Rules.Cache;

/// <summary>STG014's unsafe fix: the mounts each manager needs, and what has to go for them to work.</summary>
public class CacheMountFixTests
{
    private static readonly PackageDownloadWithoutCacheMount Rule = new();

    /// <summary>The text after `fix --unsafe --rule STG014` (or every rule when <paramref name="allRules"/>), run to its fixed point.</summary>
    private static string Fix(string text, bool allRules = false)
    {
        var selection = new FixSelection { IncludeUnsafe = true, Rules = allRules ? null : new HashSet<string> { PackageDownloadWithoutCacheMount.Id.Id } };
        var result = FixRunner.Run(Encoding.UTF8.GetBytes(text), "Dockerfile", tree => FixLinting.Linter.Lint(tree, "Dockerfile"), selection);
        Assert.Empty(result.Skipped);
        return Encoding.UTF8.GetString(result.Fixed);
    }

    [Fact]
    public void Pip_gets_the_root_cache_mount_and_loses_no_cache_dir()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM python:3.12\nCOPY r.txt .\nRUN [|pip install --no-cache-dir -r r.txt|]\n"));
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("Add a cache mount for pip", finding.Fix.Title);
        Assert.Equal("FROM python:3.12\nCOPY r.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n",
            Fix("FROM python:3.12\nCOPY r.txt .\nRUN pip install --no-cache-dir -r r.txt\n"));
    }

    [Fact]
    public void Apt_gets_both_locked_mounts_before_other_flags_drops_docker_clean_and_the_trailing_list_cleanup()
    {
        const string text = "FROM debian:12-slim\nRUN --network=host apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n";
        Assert.Equal("FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --network=host "
            + "rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y --no-install-recommends curl\n", Fix(text));
    }

    [Fact]
    public void The_apt_front_end_is_told_to_keep_downloads_and_what_an_earlier_run_did_is_not_repeated()
    {
        Assert.EndsWith("rm -f /etc/apt/apt.conf.d/docker-clean && echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > /etc/apt/apt.conf.d/keep-cache && apt update && apt install -y curl\n",
            Fix("FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n"));
        Assert.EndsWith("\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get install -y jq\n",
            Fix("FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN apt-get install -y jq\n"));
    }

    [Fact]
    public void A_cleanup_that_also_removes_something_else_or_is_not_last_stays()
    {
        Assert.EndsWith("apt-get install -y curl && rm -rf /var/lib/apt/lists/* /tmp/x\n", Fix("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* /tmp/x\n"));
        Assert.EndsWith("apt-get install -y curl && rm -rf /var/lib/apt/lists/* && echo ok\n", Fix("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && echo ok\n"));
        Assert.EndsWith("RUN --mount=type=cache,target=/var/cache/yum,sharing=locked yum install --setopt=keepcache=1 -y git\n", Fix("FROM centos:7\nRUN yum install -y git && yum clean all\n"));
    }

    [Fact]
    public void Several_managers_in_one_run_share_one_fix_that_adds_every_mount()
    {
        const string marked = "FROM debian:12\nRUN apt-get update && [|apt-get install -y python3-pip|] && [|pip install flask|]\n";
        var findings = RuleAssert.Marked(Rule, marked);
        Assert.Same(findings[0].Fix, findings[1].Fix);
        Assert.Equal("Add cache mounts for apt-get and pip", findings[0].Fix!.Title);
        Assert.Equal("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked --mount=type=cache,target=/root/.cache/pip "
            + "rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y python3-pip && pip install flask\n", Fix(RuleAssert.Unmark(marked).Text));
    }

    [Fact]
    public void A_non_root_user_gets_its_home_and_uid_and_gid_when_the_file_creates_it()
    {
        const string text = "FROM python:3.12\nRUN groupadd -g 10001 app && useradd -m -u 10001 -g app app\nUSER app\nRUN pip install --user flask\n";
        Assert.EndsWith("USER app\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=10001,gid=10001 pip install --user flask\n", Fix(text));
        Assert.EndsWith("RUN --mount=type=cache,target=/srv/app/.npm,uid=999 npm ci\n", Fix("FROM node:22\nRUN adduser -D -u 999 -h /srv/app app\nUSER 999\nRUN npm ci\n"));
        // The node images' own user.
        Assert.EndsWith("RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci\n", Fix("FROM node:22-slim\nUSER node\nRUN npm ci\n"));
    }

    [Theory]
    [InlineData("FROM python:3.12\nUSER 1000\n", "the RUN runs as user 1000, whose home the Dockerfile does not show (useradd -m or -d)")]
    [InlineData("FROM python:3.12\nRUN useradd -m app\nUSER app\n", "the RUN runs as user app, whose uid the Dockerfile does not show (useradd -u): the mount would belong to root")]
    [InlineData("FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\n", "PIP_NO_CACHE_DIR turns pip's cache off; remove it, then mount the cache")]
    public void Where_the_folder_or_the_owner_is_not_certain_the_fix_only_says_why(string head, string reason)
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, head + "RUN [|pip install flask|]\n"));
        Assert.Equal(FixSafety.DisplayOnly, finding.Fix!.Safety);
        Assert.Equal("no cache mount: " + reason, finding.Fix.Title);
    }

    [Fact]
    public void A_run_that_already_mounts_the_folder_otherwise_is_not_given_a_second_mount_there()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache/pip [|pip install flask|]\n"));
        Assert.Equal(FixSafety.DisplayOnly, finding.Fix!.Safety);
        Assert.Equal("no cache mount: the RUN already mounts /root/.cache/pip", finding.Fix.Title);
    }

    [Fact]
    public void Bundler_and_composer_need_their_official_images_or_variables()
    {
        Assert.Equal(FixSafety.DisplayOnly, Assert.Single(RuleAssert.Marked(Rule, "FROM debian:12\nRUN [|bundle install|]\n")).Fix!.Safety);
        Assert.EndsWith("RUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n", Fix("FROM ruby:3.3\nRUN bundle install\n"));
        Assert.EndsWith("RUN --mount=type=cache,target=/cache/composer composer install\n", Fix("FROM php:8.3\nENV COMPOSER_CACHE_DIR=/cache/composer\nRUN composer install\n"));
    }

    [Fact]
    public void A_moved_cache_is_mounted_where_it_was_moved()
    {
        Assert.EndsWith("RUN --mount=type=cache,target=/pipcache pip install flask\n", Fix("FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN pip install flask\n"));
        // In the home of whoever runs it: root's here. (ENV would expand $HOME at build time, to nothing.)
        Assert.EndsWith("RUN --mount=type=cache,target=/root/.cache/npm-here export npm_config_cache=$HOME/.cache/npm-here && npm ci\n",
            Fix("FROM node:22\nRUN export npm_config_cache=$HOME/.cache/npm-here && npm ci\n"));
    }

    [Fact]
    public void Go_builds_mount_the_module_cache_too_and_apk_mounts_etc_apk_cache()
    {
        Assert.EndsWith("RUN --mount=type=cache,target=/go/pkg/mod go mod download\n", Fix("FROM golang:1.23\nRUN go mod download\n"));
        Assert.EndsWith("RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod go build -o /app .\n", Fix("FROM golang:1.23\nRUN go build -o /app .\n"));
        Assert.EndsWith("RUN --mount=type=cache,target=/etc/apk/cache,sharing=locked apk add curl\n", Fix("FROM alpine:3.20\nRUN apk add curl\n"));
    }

    [Fact]
    public void Heredoc_runs_get_the_flag_after_run_and_apt_s_prelude_as_a_line_of_its_own()
    {
        const string text = "FROM debian:12\nRUN <<EOF\n#!/bin/sh\nset -e\napt-get update\napt-get install -y curl\nEOF\n";
        Assert.Equal("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked <<EOF\n#!/bin/sh\n"
            + "rm -f /etc/apt/apt.conf.d/docker-clean\nset -e\napt-get update\napt-get install -y curl\nEOF\n", Fix(text));
    }

    [Fact]
    public void The_fixture_with_a_user_apt_and_cleanups_is_fixed_to_the_expected_text()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Stagecraft.Tests", "Analysis", "Fixtures", "STG014", "hit-fix-user-apt-and-cleanup.Dockerfile");
        var text = RuleAssert.Unmark(File.ReadAllText(path)).Text;
        Assert.Equal("""
            FROM python:3.12-slim
            RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update -qq && apt-get install -y --no-install-recommends gcc
            RUN groupadd -g 10001 app && useradd -m -u 10001 -g app app
            USER app
            COPY --chown=app:app requirements.txt /home/app/
            RUN --mount=type=cache,target=/home/app/.cache/pip,uid=10001,gid=10001 pip install --user -r /home/app/requirements.txt
            USER 2000
            RUN pip install --user flask

            """.ReplaceLineEndings("\n"), Fix(text));
    }

    [Fact]
    public void Exec_form_runs_are_not_read_so_not_reported() =>
        RuleAssert.Quiet(Rule, "FROM python:3.12\nRUN [\"pip\", \"install\", \"flask\"]\n");

    [Fact]
    public void With_every_rule_the_mount_wins_over_stg003_s_cleanup_and_stg018_adds_the_directive_and_fixing_again_changes_nothing()
    {
        const string text = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCOPY r.txt .\nRUN pip install -r r.txt\n";
        var once = Fix(text, allRules: true);
        Assert.Equal("# syntax=docker/dockerfile:1\nFROM python:3.12-slim\n"
            + "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y --no-install-recommends curl\n"
            + "COPY r.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n", once);
        Assert.Equal(once, Fix(once, allRules: true));
    }
}
