using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class SingleStageBuildTests
{
    private static readonly SingleStageBuild Rule = new();

    [Fact]
    public void Message_carries_what_a_multi_stage_rewrite_needs()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM golang:1.23\nCOPY . .\nRUN [|go build -o /usr/local/bin/app ./cmd/app|]\nCMD [\"app\"]\n"));
        Assert.Equal("single-stage build: `go build` runs on golang:1.23, so the image keeps the toolchain and sources; build in a separate stage and COPY its output (/usr/local/bin/app) into gcr.io/distroless/static-debian12 (built with CGO_ENABLED=0)", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Node_and_dotnet_builds_name_their_runtime()
    {
        Assert.Contains("a runtime stage from node:22 with production dependencies only",
            Assert.Single(RuleAssert.Marked(Rule, "FROM node:22\nRUN npm ci && [|npm run build:prod|]\n")).Message);
        Assert.Contains("COPY its output (/out) into mcr.microsoft.com/dotnet/aspnet",
            Assert.Single(RuleAssert.Marked(Rule, "FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN [|dotnet publish -c Release -o /out|]\n")).Message);
    }
}
