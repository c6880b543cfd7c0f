using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Tests.Analysis.Rules.Correctness;

public class BaseImageInvalidWithDefaultArgsTests
{
    [Fact]
    public void Names_the_result_and_the_args_without_default()
    {
        var finding = Assert.Single(RuleAssert.Lint(new BaseImageInvalidWithDefaultArgs(), "ARG TAG\nFROM busybox:${TAG}\n"));
        Assert.Equal("with the ARG defaults, `busybox:${TAG}` becomes `busybox:`, which is not a valid image reference, so the file does not build without --build-arg; give `TAG` a default (`ARG TAG=…`)",
            finding.Message);
    }

    [Theory]
    [InlineData("alpine", true)]
    [InlineData("alpine:3.20", true)]
    [InlineData("docker.io/library/alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("localhost:5000/team/app:v1", true)]
    [InlineData("Registry.Example.com/app", true)]
    [InlineData("build_amd64", true)]
    [InlineData("", false)]
    [InlineData("busybox:", false)]
    [InlineData("Alpine", false)]
    [InlineData("team/App", false)]
    [InlineData("build-", false)]
    [InlineData("alpine:3.20@sha256:short", false)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void The_reference_grammar_follows_distribution(string reference, bool valid)
    {
        Assert.Equal(valid, ImageReferenceGrammar.IsValid(reference));
    }
}
