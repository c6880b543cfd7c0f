using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class FullBaseImageInFinalStageTests
{
    private static readonly FullBaseImageInFinalStage Rule = new();

    [Fact]
    public void Message_names_the_smaller_variants_and_their_sizes_and_the_fix_uses_slim()
    {
        const string text = "FROM node:20-bookworm\nCMD [\"node\", \"server.js\"]\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("the final image is built on node:20-bookworm (~1.1 GB): node:20-bookworm-slim (~200 MB) or node:20-alpine (~135 MB) runs the same code without the build tools", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("FROM node:20-bookworm-slim\nCMD [\"node\", \"server.js\"]\n", FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Theory]
    [InlineData("python:3.12", "python:3.12-slim")]
    [InlineData("python:3.12-bookworm", "python:3.12-slim-bookworm")]
    [InlineData("docker.io/library/ruby:3.3", "docker.io/library/ruby:3.3-slim")]
    [InlineData("debian:bookworm", "debian:bookworm-slim")]
    [InlineData("debian", "debian:stable-slim")]
    [InlineData("eclipse-temurin:21-jdk-jammy", "eclipse-temurin:21-jre")]
    [InlineData("openjdk:17", "eclipse-temurin:17-jre")]
    public void Slim_suggestions_follow_each_image_tag_scheme(string image, string expected)
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, $"FROM {image}\n"));
        Assert.Equal($"FROM {expected}\n", FixApplierForTests.Apply($"FROM {image}\n", finding.Fix!));
    }

    [Fact]
    public void Compiler_images_get_advice_but_no_fix_and_ARG_written_images_are_not_edited()
    {
        var go = Assert.Single(RuleAssert.Lint(Rule, "FROM golang:1.22\nRUN go build -o /app .\n"));
        Assert.Contains("a compiler image: build in an earlier stage and copy the result into gcr.io/distroless/static-debian12 (~2 MB) or scratch", go.Message);
        Assert.Null(go.Fix);
        var viaArg = Assert.Single(RuleAssert.Lint(Rule, "ARG V=20\nFROM node:${V}\n"));
        Assert.Contains("built on node:20 (~1.1 GB)", viaArg.Message);
        Assert.Null(viaArg.Fix);
        Assert.Null(Assert.Single(RuleAssert.Lint(Rule, "FROM php:8.3-fpm\n")).Fix); // only an alpine variant: musl is a bigger change
    }
}
