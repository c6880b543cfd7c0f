using Stagecraft.Semantics.Expansion;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Semantics.Expansion;

/// <summary>Every case line of BuildKit's wordsTest, with the ENV lines above it in effect.</summary>
public sealed class WordsTestFileTests
{
    public static TheoryData<int> Lines =>
        BuildKitShellData.CaseLines(BuildKitShellData.WordsTest, line => !line.StartsWith('#') && !line.StartsWith("ENV ", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Lines))]
    public void Line_splits_as_in_BuildKit(int line)
    {
        var path = SharedData.Require(BuildKitShellData.WordsTest);
        var lines = BuildKitShellData.ReadLines(path);
        var assignments = lines.Take(line - 1)
            .Where(l => l.StartsWith("ENV ", StringComparison.Ordinal))
            .Select(l => l[3..].TrimStart(' '));

        var fields = lines[line - 1].Split('|');
        Assert.True(fields.Length == 2, $"line {line} must hold exactly one '|'");
        var input = fields[0].Trim();
        var expected = fields[1].TrimStart(' ').Split(',');

        var result = WordExpander.ExpandWords(input, BuildKitShellData.Variables(assignments));

        string[] actual = result.Succeeded ? [.. result.Words] : ["error"];
        Assert.Equal(expected, actual);
    }
}
