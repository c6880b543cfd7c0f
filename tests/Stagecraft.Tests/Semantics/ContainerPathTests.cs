using Stagecraft.Semantics;

namespace Stagecraft.Tests.Semantics;

public class ContainerPathTests
{
    [Theory]
    [InlineData("/", "app", "/app")]
    [InlineData("/srv", "/opt/x", "/opt/x")]
    [InlineData("/srv", "./a//b/", "/srv/a/b")]
    [InlineData("/srv/app", "../lib", "/srv/lib")]
    [InlineData("/", "../../..", "/")]
    [InlineData("/a", ".", "/a")]
    [InlineData("/a", "b/..", "/a")]
    [InlineData("/", "/", "/")]
    [InlineData("/x", "/y/.", "/y")]
    public void Joins_and_normalises(string directory, string path, string expected) =>
        Assert.Equal(expected, ContainerPath.Resolve(directory, path));
}
