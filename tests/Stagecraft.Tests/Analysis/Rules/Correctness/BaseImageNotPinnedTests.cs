using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Semantics;

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

    [Theory]
    [InlineData("node:20", "node:20.19.5")]
    [InlineData("node:20-slim", "node:20.19.5-slim")]
    [InlineData("node:18-bookworm-slim", "node:18.20.8-bookworm-slim")]
    [InlineData("node:20-alpine3.22", "node:20.19.5-alpine3.22")]
    [InlineData("node:18-alpine3.20", "node:18.20.8-alpine3.20")]
    [InlineData("node", "node:24.11.0")]
    [InlineData("node:latest", "node:24.11.0")]
    [InlineData("node:lts-alpine", "node:24.11.0-alpine")]
    [InlineData("node:iron-slim", "node:20.19.5-slim")]
    [InlineData("node:hydrogen", "node:18.20.8")]
    [InlineData("docker.io/library/node:22", "docker.io/library/node:22.20.0")]
    [InlineData("python:3", "python:3.14.0")]
    [InlineData("python:3-slim-bookworm", "python:3.14.0-slim-bookworm")]
    [InlineData("python:alpine", "python:3.13.7-alpine")]
    [InlineData("golang:1-alpine", "golang:1.25.3-alpine")]
    [InlineData("golang", "golang:1.25.3")]
    [InlineData("rust:slim", "rust:1.95.0-slim")]
    [InlineData("ruby:3", "ruby:3.4.9")]
    [InlineData("php:8-apache", "php:8.5.0-apache")]
    [InlineData("php:fpm-alpine", "php:8.4.15-fpm-alpine")]
    [InlineData("eclipse-temurin:21", "eclipse-temurin:21.0.9_10-jdk")]
    [InlineData("eclipse-temurin:17-jre-alpine", "eclipse-temurin:17.0.15_6-jre-alpine")]
    [InlineData("eclipse-temurin:25-noble", "eclipse-temurin:25.0.3_9-jdk-noble")]
    [InlineData("mcr.microsoft.com/dotnet/aspnet", "mcr.microsoft.com/dotnet/aspnet:10.0.12")]
    [InlineData("mcr.microsoft.com/dotnet/sdk:latest", "mcr.microsoft.com/dotnet/sdk:10.0.401")]
    public void Floating_tags_of_known_images_are_pinned_to_the_known_release_keeping_the_variant(string image, string pinned)
    {
        var text = $"FROM {image} AS app\nCMD [\"true\"]\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal($"Pin {pinned}", finding.Fix.Title);
        Assert.Equal($"FROM {pinned} AS app\nCMD [\"true\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("alpine:3", "Stagecraft knows no releases of alpine offline")]
    [InlineData("debian:latest", "Stagecraft knows no releases of debian offline")]
    [InlineData("nginx", "Stagecraft knows no releases of nginx offline")]
    [InlineData("registry.example.com/team/node:20", "Stagecraft knows no releases of registry.example.com/team/node offline")]
    [InlineData("node:16-slim", "Stagecraft knows no release of the node 16 line")]
    [InlineData("node:gallium", "Stagecraft cannot tell which release `node:gallium` names")]
    [InlineData("node:current-slim", "`node:current-slim` follows Node's newest release line")]
    [InlineData("node:20-trixie", "Stagecraft does not know that `node:20.19.5-trixie` is published")]
    [InlineData("node:18-alpine3.22", "Stagecraft does not know that `node:18.20.8-alpine3.22` is published")]
    [InlineData("python:3-windowsservercore", "Stagecraft does not know that `python:3.14.0-windowsservercore` is published")]
    [InlineData("eclipse-temurin:25-jre-alpine", "Stagecraft does not know that `eclipse-temurin:25.0.3_9-jre-alpine` is published")]
    public void Images_and_variants_without_offline_knowledge_get_a_display_only_fix_saying_why(string image, string reason)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, $"FROM {image}\n"));
        Assert.Equal(FixSafety.DisplayOnly, finding.Fix!.Safety);
        Assert.Empty(finding.Fix.Edits);
        Assert.StartsWith("no pin: " + reason, finding.Fix.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_from_an_ARG_default_is_pinned_in_the_default_for_every_FROM_using_it()
    {
        const string text = "ARG NODE_MAJOR=20\nFROM node:${NODE_MAJOR} AS build\nFROM node:$NODE_MAJOR-slim\nCOPY --from=build /app /app\n";
        var findings = RuleAssert.Lint(Rule, text);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("Pin node:20.19.5 in the ARG default", f.Fix!.Title.Replace("-slim", "", StringComparison.Ordinal)));
        Assert.Equal("ARG NODE_MAJOR=20.19.5\nFROM node:${NODE_MAJOR} AS build\nFROM node:$NODE_MAJOR-slim\nCOPY --from=build /app /app\n",
            FixApplierForTests.ApplyAndRecheck(Rule, text, findings[0]));
    }

    [Fact]
    public void A_whole_image_in_an_ARG_default_gets_its_tag_pinned_there()
    {
        const string text = "ARG BASE=python:3-slim\nFROM ${BASE}\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal("ARG BASE=python:3.14.0-slim\nFROM ${BASE}\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("ARG V=20\nFROM node:${V}\nARG V\nRUN echo $V\n")] // a stage reads the ARG: a new value would change the RUN
    [InlineData("ARG V=20\nFROM node:${V} AS a\nFROM node:${V}-trixie\n")] // the other FROM has no pin
    [InlineData("ARG V=\"20\"\nFROM node:${V}\n")]
    [InlineData("ARG V=20\nFROM node:${V:-22}\n")]
    [InlineData("ARG V=node\nFROM ${V}:20\n")] // the tag is outside the ARG
    public void ARG_defaults_that_cannot_be_rewritten_on_their_own_are_left_to_a_person(string text)
    {
        var fixes = RuleAssert.Lint(Rule, text).Select(f => f.Fix!).ToList();
        Assert.NotEmpty(fixes);
        Assert.Contains(fixes, f => f.Safety == FixSafety.DisplayOnly);
        Assert.DoesNotContain(fixes, f => f.Edits.Any(e => e.Span.Start < text.IndexOf("FROM", StringComparison.Ordinal)));
    }

    [Fact]
    public void With_a_digest_lookup_the_pin_adds_the_digest_of_the_precise_tag_only_for_a_literal_image()
    {
        const string digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var asked = new List<string>();
        var settings = BuildSettings.Default with { ImageDigests = new Digests(reference => { asked.Add(reference); return digest; }) };
        const string text = "FROM node:20-slim AS app\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text, settings: settings));
        Assert.Equal("Pin node:20.19.5-slim and its digest", finding.Fix!.Title);
        Assert.Equal($"FROM node:20.19.5-slim@{digest} AS app\n", FixApplierForTests.Apply(text, finding.Fix));
        Assert.Equal(["node:20.19.5-slim"], asked);
        Assert.Empty(RuleAssert.Lint(Rule, FixApplierForTests.Apply(text, finding.Fix), settings: settings));

        // An ARG default keeps the tag alone: a digest there would land inside `node:${V}-slim`.
        var viaArg = Assert.Single(RuleAssert.Lint(Rule, "ARG V=20\nFROM node:${V}-slim\n", settings: settings));
        Assert.Equal("ARG V=20.19.5\nFROM node:${V}-slim\n", FixApplierForTests.Apply("ARG V=20\nFROM node:${V}-slim\n", viaArg.Fix!));

        // No answer from the registry: the tag pin alone.
        var offline = BuildSettings.Default with { ImageDigests = new Digests(_ => null) };
        Assert.Equal("Pin node:20.19.5-slim", Assert.Single(RuleAssert.Lint(Rule, text, settings: offline)).Fix!.Title);
    }

    private sealed class Digests(Func<string, string?> answer) : IImageDigestLookup
    {
        public string? DigestOf(string reference) => answer(reference);
    }
}
