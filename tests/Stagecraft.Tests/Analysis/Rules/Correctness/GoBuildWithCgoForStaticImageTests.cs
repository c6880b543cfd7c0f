using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Correctness;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class GoBuildWithCgoForStaticImageTests
{
    private static readonly GoBuildWithCgoForStaticImage Rule = new();

    [Fact]
    public void Message_names_the_copy_line_and_the_fix_sets_cgo_off()
    {
        var text = "FROM golang:1.23 AS build\nRUN GOOS=linux [|go build -o /out/app .|]\nFROM scratch\nCOPY --from=build /out/app /app\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`go build` may link against libc (cgo is on by default where gcc is installed) and its output is copied on line 4 into scratch, which has no C library: set CGO_ENABLED=0", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAll(RuleAssert.Unmark(text).Text, [finding]);
        Assert.Contains("RUN GOOS=linux CGO_ENABLED=0 go build -o /out/app .", fixedText);
        RuleAssert.Quiet(Rule, fixedText);
    }

    [Fact]
    public void Explicit_cgo_on_and_old_alpine_builders_are_reported()
    {
        RuleAssert.Marked(Rule, "FROM golang:1.23 AS build\nRUN CGO_ENABLED=1 [|go build -o /a .|]\nFROM scratch\nCOPY --from=build /a /a\n");
        RuleAssert.Marked(Rule, "FROM golang:1.19-alpine AS build\nRUN [|go build -o /a .|]\nFROM scratch\nCOPY --from=build /a /a\n");
        RuleAssert.Marked(Rule, "FROM golang:1.23-alpine AS build\nRUN apk add --no-cache gcc musl-dev\nRUN [|go build -o /a .|]\nFROM cgr.dev/chainguard/static\nCOPY --from=build /a /a\n");
    }

    [Fact]
    public void A_build_arg_without_default_is_unknown_and_left_alone()
    {
        RuleAssert.Quiet(Rule, "FROM golang:1.23 AS build\nARG CGO_ENABLED\nRUN go build -o /a .\nFROM scratch\nCOPY --from=build /a /a\n");
    }
}
