using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class ScratchImageWithoutCaCertificatesTests
{
    private static readonly ScratchImageWithoutCaCertificates Rule = new();

    [Fact]
    public void Fix_copies_the_bundle_from_the_builder_stage()
    {
        const string text = "FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.StartsWith("the image is built FROM scratch and no CA certificates are copied into it", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Equal("FROM golang:1.22 AS build\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n",
            FixApplierForTests.ApplyAndRecheck(Rule, text, finding));
    }

    [Fact]
    public void No_fix_without_a_stage_known_to_hold_certificates()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM debian:bookworm-slim AS build\nRUN make\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"));
        Assert.Null(finding.Fix);
    }
}
