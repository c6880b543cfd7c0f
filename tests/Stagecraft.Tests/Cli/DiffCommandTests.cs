using System.Text.Json;
using Stagecraft.Tests.Images.Diff;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft diff</c>: its formats on two crafted images (golden), exit 0 whatever differs, usage errors 2.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("tty", "txt")]
    [InlineData("json", "json")]
    [InlineData("markdown", "md")]
    public void Each_format_matches_its_golden_file(string format, string extension)
    {
        var a = ImageComparerTests.Before().Save(_temp.Folder("a"));
        var b = ImageComparerTests.After().Save(_temp.Folder("b"));

        var result = CliRun.Run("diff", a, b, "--format", format, "--top", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var text = result.OutputText.Replace(JsonEncodedText.Encode(_temp.FullPath).ToString(), "{temp}", StringComparison.Ordinal).Replace(_temp.FullPath, "{temp}", StringComparison.Ordinal);
        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Images/Diff/Golden/diff.{extension}", text);
    }

    [Fact]
    public void A_missing_image_or_a_bad_format_exits_2()
    {
        var a = ImageComparerTests.Before().Save(_temp.Folder("a"));

        Assert.Equal(2, CliRun.Run("diff", a).ExitCode);
        Assert.Equal(2, CliRun.Run("diff", a, a, "--format", "sarif").ExitCode);
        var missing = CliRun.Run("diff", a, "oci:/nonexistent/layout");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("stagecraft: ", missing.Error);
    }
}
