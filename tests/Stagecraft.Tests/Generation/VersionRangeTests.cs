using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Generation;
using Stagecraft.Generation.Detection;

namespace Stagecraft.Tests.Generation;

/// <summary>Version requirements as npm and Python write them, resolved to the newest known release they allow.</summary>
public class VersionRangeTests
{
    [Theory]
    [InlineData(">=18", "18.0.0", true)]
    [InlineData(">=18", "17.9.0", false)]
    [InlineData("^20.1.0", "20.19.5", true)]
    [InlineData("^20.1.0", "21.0.0", false)]
    [InlineData("~20.1", "20.1.9", true)]
    [InlineData("~20.1", "20.2.0", false)]
    [InlineData("18.x || 20.x", "20.19.5", true)]
    [InlineData("18.x || 20.x", "22.0.0", false)]
    [InlineData("18 - 20", "20.19.5", true)]
    [InlineData(">=3.10,<3.13", "3.12.11", true)]
    [InlineData(">=3.10,<3.13", "3.13.0", false)]
    [InlineData("~=3.11", "3.14.0", true)]
    [InlineData("~=3.11.2", "3.12.0", false)]
    [InlineData("==3.11.*", "3.11.13", true)]
    [InlineData("!=3.12", "3.12.1", false)]
    [InlineData(">= 18", "24.0.0", true)]
    [InlineData("~> 3.3", "3.4.9", true)]
    [InlineData("~> 3.3.0", "3.4.0", false)]
    [InlineData("^8.2", "8.5.0", true)]
    public void Ranges_allow_what_npm_and_pip_allow(string range, string version, bool allowed)
    {
        var parsed = VersionRange.Parse(range);

        Assert.NotNull(parsed);
        Assert.Equal(allowed, parsed.Allows(ReleaseVersion.Parse(version)!.Value));
    }

    [Theory]
    [InlineData(Stack.Node, ">=18", "24.11.0")]
    [InlineData(Stack.Node, "<21", "20.19.5")]
    [InlineData(Stack.Node, "20", "20.19.5")]
    [InlineData(Stack.Node, "v20.11.1", "20.11.1")]
    [InlineData(Stack.Python, "3.12", "3.12.11")]
    [InlineData(Stack.Python, ">=3.9", "3.13.7")]
    [InlineData(Stack.Python, "<3.11", "3.10.18")]
    [InlineData(Stack.Go, "1.19", "1.19.13")]
    [InlineData(Stack.Go, "go1.23.4", "1.23.4")]
    [InlineData(Stack.Rust, "1.93", "1.93.1")]
    [InlineData(Stack.Rust, ">=1.80", "1.95.0")]
    [InlineData(Stack.Java, "17", "17.0.15")]
    [InlineData(Stack.Java, "25", "25.0.3")]
    [InlineData(Stack.DotNet, "8.0", "8.0.23")]
    [InlineData(Stack.Ruby, "~> 3.3.0", "3.3.11")]
    [InlineData(Stack.Ruby, ">= 3.0", "3.4.9")]
    [InlineData(Stack.Php, "^8.2", "8.4.15")]
    [InlineData(Stack.Php, "~8.5.0", "8.5.0")]
    public void Requirements_resolve_to_a_precise_release(Stack stack, string requirement, string expected)
    {
        Assert.Equal(expected, RuntimeVersion.Resolve(stack, requirement));
    }

    [Theory]
    [InlineData(Stack.Node, "26")]
    [InlineData(Stack.Python, ">=4")]
    public void Nothing_known_fits_newer_lines(Stack stack, string requirement)
    {
        Assert.Null(RuntimeVersion.Resolve(stack, requirement));
    }
}
