using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Analysis.Rules.Maintainability;

namespace Stagecraft.Tests.Analysis.Rules.Maintainability;

public class ConstantFromPlatformTests
{
    private static readonly ConstantFromPlatform Rule = new();

    [Fact]
    public void A_constant_is_one_warning_for_both_checks_and_suggests_a_stage_name()
    {
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM --platform=linux/amd64 alpine:3.20 AS base\n"));
        Assert.Equal("`--platform=linux/amd64` builds this stage for one platform whatever `docker build --platform` asks: drop it, use `$BUILDPLATFORM` for build tools, or name the stage after its platform (`AS …-amd64`)",
            finding.Message);
        Assert.Equal(["FromPlatformFlagConstDisallowed", "DL3029"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("ARG P=linux/arm64\nFROM --platform=[|$P|] alpine:3.20\n", "`--platform=$P` pins this stage to linux/arm64, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out")]
    [InlineData("FROM --platform=[|linux/arm64|] alpine:3.20 AS tools-arm64\n", "`--platform=linux/arm64` pins this stage to linux/arm64, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out")]
    [InlineData("FROM --platform=[|linux/aarch64|] alpine:3.20 AS Build-ARM64\n", "`--platform=linux/aarch64` pins this stage to linux/aarch64, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out")]
    [InlineData("FROM --platform=[|bogus|] alpine:3.20\n", "`--platform=bogus` pins this stage to bogus, whatever platform the build is for: use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave it out")]
    public void Where_buildkit_does_not_report_the_finding_is_hadolint_s_alone(string text, string message)
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal(message, finding.Message);
        Assert.Equal(["DL3029"], finding.Aliases);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    private const string BothAndHadolintOnly = "ARG P=linux/arm64\nFROM --platform=linux/amd64 alpine:3.20 AS a\nFROM --platform=$P alpine:3.20 AS b\n";

    private static IReadOnlyList<Finding> LintAll(string text, LintConfiguration configuration) =>
        RuleAssert.LintWith(RuleCatalog.All, text, configuration).Where(f => f.Rule == ConstantFromPlatform.Id).ToArray();

    [Theory]
    [InlineData("DL3029", new int[0])]
    [InlineData("FromPlatformFlagConstDisallowed", new[] { 3 })]
    [InlineData("STG115", new int[0])]
    public void Ignoring_either_alias_drops_the_findings_that_carry_it(string code, int[] remainingLines)
    {
        var configuration = LintConfiguration.Default with { Ignored = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { code } };
        Assert.Equal(remainingLines, LintAll(BothAndHadolintOnly, configuration).Select(f => f.Line));
    }

    [Theory]
    [InlineData("# hadolint ignore=DL3029\n", new[] { 4 })]
    [InlineData("# check=skip=FromPlatformFlagConstDisallowed\n", new[] { 4 })]
    public void Inline_ignores_and_check_comments_by_either_alias_keep_working(string comment, int[] remainingLines)
    {
        var text = BothAndHadolintOnly.Replace("FROM --platform=linux/amd64", comment + "FROM --platform=linux/amd64", StringComparison.Ordinal);
        Assert.Equal(remainingLines, LintAll(text, LintConfiguration.Default).Select(f => f.Line));
    }

    [Fact]
    public void Buildkit_s_error_true_raises_only_the_finding_that_carries_its_name()
    {
        var findings = LintAll("# check=error=true\n" + BothAndHadolintOnly, LintConfiguration.Default);
        Assert.Equal([Severity.Error, Severity.Warning], findings.Select(f => f.Severity));
    }

    [Fact]
    public void An_override_by_the_buildkit_name_changes_only_the_finding_that_carries_it()
    {
        var configuration = LintConfiguration.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase) { ["FromPlatformFlagConstDisallowed"] = Severity.Info },
        };
        Assert.Equal([Severity.Info, Severity.Warning], LintAll(BothAndHadolintOnly, configuration).Select(f => f.Severity));
    }

    [Theory]
    [InlineData("linux/amd64", "linux", "amd64", null)]
    [InlineData("linux/x86_64", "linux", "amd64", null)]
    [InlineData("linux/aarch64", "linux", "arm64", null)]
    [InlineData("linux/arm/v7", "linux", "arm", "v7")]
    [InlineData("windows", "windows", "amd64", null)]
    [InlineData("arm64", "linux", "arm64", null)]
    public void Platforms_are_normalized(string text, string os, string architecture, string? variant)
    {
        Assert.Equal(new PlatformSpecifier(os, architecture, variant), PlatformSpecifier.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("linux/")]
    [InlineData("bogus")]
    [InlineData("a/b/c/d")]
    public void Invalid_platforms_are_not_read(string text) => Assert.Null(PlatformSpecifier.Parse(text));
}
