using Stagecraft.Semantics.Expansion;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Semantics.Expansion;

/// <summary>Every A and U line of BuildKit's envVarTest, one theory row per line.</summary>
public sealed class EnvVarTestFileTests
{
    private static readonly DictionaryVariableLookup Environment =
        BuildKitShellData.Variables(["PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="]);

    public static TheoryData<int> Lines => BuildKitShellData.CaseLines(BuildKitShellData.EnvVarTest, IsLinuxCase);

    [Theory]
    [MemberData(nameof(Lines))]
    public void Line_expands_as_in_BuildKit(int line)
    {
        var path = SharedData.Require(BuildKitShellData.EnvVarTest);
        var fields = BuildKitShellData.ReadLines(path)[line - 1].Trim().Split('|');
        Assert.Equal(3, fields.Length);
        var input = fields[1].Trim();
        var expected = fields[2].Trim();

        var result = WordExpander.ExpandWord(input, Environment);

        if (expected == "error")
        {
            Assert.False(result.Succeeded, $"line {line}: {input} should fail but gave '{result.Value}'");
            Assert.Equal("", result.Value);
        }
        else
        {
            Assert.True(result.Succeeded, $"line {line}: {input} failed: {result.Error}");
            Assert.Equal(expected, result.Value);
        }
    }

    // Comments are recognised before trimming, as upstream does; W lines are for Windows only.
    private static bool IsLinuxCase(string line)
    {
        if (line.StartsWith('#') || line.Trim().Length == 0)
            return false;
        var platform = line.Split('|')[0].Trim();
        return platform is "A" or "U";
    }
}
