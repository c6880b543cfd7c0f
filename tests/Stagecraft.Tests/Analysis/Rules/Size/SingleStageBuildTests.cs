using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class SingleStageBuildTests
{
    private static readonly SingleStageBuild Rule = new();

    [Fact]
    public void Message_carries_what_a_multi_stage_rewrite_needs()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM golang:1.23\nCOPY . .\nRUN [|go build -o /usr/local/bin/app ./cmd/app|]\nCMD [\"app\"]\n"));
        Assert.Equal("single-stage build: `go build` runs on golang:1.23, so the image keeps the toolchain and sources; build in a separate stage and COPY its output (/usr/local/bin/app) into scratch with CA certificates or gcr.io/distroless/static-debian12 (built with CGO_ENABLED=0)", finding.Message);
        Assert.Equal(Stagecraft.Analysis.FixSafety.Unsafe, finding.Fix!.Safety);
    }

    [Fact]
    public void The_fix_is_the_multi_stage_rewrite()
    {
        const string text = "FROM golang:1.23\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/app ./cmd/app\nCMD [\"app\"]\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));

        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, text, finding);

        Assert.Equal("FROM golang:1.23 AS build\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/app ./cmd/app\n\nFROM scratch\n"
            + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /usr/local/bin/app /usr/local/bin/app\nUSER 65532:65532\nCMD [\"app\"]\n", fixedText);
    }

    [Fact]
    public void Python_builds_are_packages_installed_while_a_compiler_is_kept()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule,
            "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN [|pip install -r requirements.txt|]\nCMD [\"python\", \"app.py\"]\n"));
        Assert.Equal("single-stage build: `pip install` runs on python:3.12, so the image keeps the toolchain and sources; build in a separate stage and COPY the installed packages into the slim variant of python:3.12, without the compiler", finding.Message);
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
