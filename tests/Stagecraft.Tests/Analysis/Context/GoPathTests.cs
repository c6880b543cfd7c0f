using Stagecraft.Analysis.Context;

namespace Stagecraft.Tests.Analysis.Context;

public class GoPathTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("abc", "abc")]
    [InlineData("a/b/c", "a/b/c")]
    [InlineData(".", ".")]
    [InlineData("..", "..")]
    [InlineData("../../abc", "../../abc")]
    [InlineData("/", "/")]
    [InlineData("/abc", "/abc")]
    [InlineData("abc/", "abc")]
    [InlineData("/abc/", "/abc")]
    [InlineData("//abc", "/abc")]
    [InlineData("abc//def//ghi", "abc/def/ghi")]
    [InlineData("abc/./def", "abc/def")]
    [InlineData("/./abc/def", "/abc/def")]
    [InlineData("abc/.", "abc")]
    [InlineData("abc/def/ghi/../jkl", "abc/def/jkl")]
    [InlineData("abc/def/../ghi/../jkl", "abc/jkl")]
    [InlineData("abc/def/../..", ".")]
    [InlineData("/abc/def/../..", "/")]
    [InlineData("abc/def/../../..", "..")]
    [InlineData("/abc/def/../../..", "/")]
    [InlineData("abc/def/../../../ghi/jkl/../../../mno", "../../mno")]
    [InlineData("abc/./../def", "def")]
    [InlineData("abc/../../././../def", "../../def")]
    [InlineData("!a/", "!a")]
    [InlineData("!/", "!")]
    public void Clean_matches_go(string path, string expected)
    {
        Assert.Equal(expected, GoPath.Clean(path));
        if (GoPath.IsClean(path))
            Assert.Equal(path, expected);
    }
}
