using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class BuildToolsInFinalImageTests
{
    private static readonly BuildToolsInFinalImage Rule = new();

    [Fact]
    public void Each_kind_of_build_tool_has_its_message()
    {
        var findings = RuleAssert.Marked(Rule, "FROM debian:bookworm-slim\nRUN apt-get install -y [|gcc-12|] [|cmake|] [|libssl-dev|] [|git|] libssl3\n");
        Assert.Equal("gcc-12 is a compiler and stays in the final image: remove it in the same RUN after use (apt-get purge / apk del --virtual) or build in a separate stage", findings[0].Message);
        Assert.Equal("cmake is a build tool and stays in the final image: remove it in the same RUN after use, or build in a separate stage", findings[1].Message);
        Assert.StartsWith("libssl-dev holds build headers", findings[2].Message);
        Assert.StartsWith("git stays in the final image", findings[3].Message);
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
    }

    [Fact]
    public void Versions_are_stripped_and_removal_of_another_package_does_not_count()
    {
        RuleAssert.Marked(Rule, "FROM debian\nRUN apt-get install -y [|gcc=4:12.2.0-3|] make && apt-get purge -y make\n");
    }

    [Fact]
    public void An_sdk_base_suggests_a_runtime()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM [|mcr.microsoft.com/dotnet/sdk:8.0|]\nRUN apt-get install -y gcc\n"));
        Assert.Equal("the final image is built on mcr.microsoft.com/dotnet/sdk:8.0, an SDK with the whole toolchain: build in a separate stage and run the result on mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime", finding.Message);
        Assert.Contains("eclipse-temurin:21-jre", Assert.Single(RuleAssert.Lint(Rule, "FROM eclipse-temurin:21-jdk\n")).Message);
        RuleAssert.Quiet(Rule, "FROM eclipse-temurin:21-jre\nFROM openjdk:17-jre-slim\n");
        RuleAssert.Quiet(Rule, "FROM node:22\nCMD [\"node\"]\n");
    }
}
