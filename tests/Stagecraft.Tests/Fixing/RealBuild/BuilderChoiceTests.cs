using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Fixing.RealBuild;

/// <summary>FixRealBuildTests builds with the classic builder unless a Dockerfile needs BuildKit: these are the cases it tells apart.</summary>
public sealed class BuilderChoiceTests
{
    [Fact]
    public void A_plain_multi_stage_file_goes_to_the_classic_builder()
    {
        Assert.False(ExampleApps.NeedsBuildKit("FROM golang:1.19 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"));
    }

    [Fact]
    public void A_cache_mount_needs_BuildKit()
    {
        Assert.True(ExampleApps.NeedsBuildKit("FROM node:18-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n"));
    }

    [Fact]
    public void A_heredoc_needs_BuildKit_and_is_told_apart()
    {
        const string dockerfile = "FROM python:3.11-slim\nRUN <<EOF\npip install flask\nEOF\n";

        Assert.True(ExampleApps.NeedsBuildKit(dockerfile));
        Assert.True(ExampleApps.UsesHeredocs(dockerfile));
        Assert.False(ExampleApps.UsesHeredocs("FROM python:3.11-slim\nRUN echo '<<EOF'\n"));
    }
}
