using Stagecraft.Images.Layers;

namespace Stagecraft.Tests.Images.Layers;

/// <summary>Tar member names become '/'-rooted normalised paths; names that climb out of the root are refused.</summary>
public sealed class LayerPathTests
{
    [Theory]
    [InlineData("usr/bin/env", "/usr/bin/env")]
    [InlineData("./usr/bin/", "/usr/bin")]
    [InlineData("/etc//passwd", "/etc/passwd")]
    [InlineData("//etc/./passwd", "/etc/passwd")]
    [InlineData(".", "/")]
    [InlineData("./", "/")]
    [InlineData("", "/")]
    [InlineData("a/./b/", "/a/b")]
    [InlineData("a/../b", "/b")]
    [InlineData("...", "/...")]
    [InlineData("a/..b/c..", "/a/..b/c..")]
    [InlineData("etc/.wh..wh..opq", "/etc/.wh..wh..opq")]
    public void Names_are_normalised(string name, string path) => Assert.Equal(path, LayerPath.Normalize(name));

    [Theory]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../etc")]
    [InlineData("/../../x")]
    [InlineData("./../x")]
    public void Names_climbing_above_the_root_have_no_path(string name) => Assert.Null(LayerPath.Normalize(name));
}
