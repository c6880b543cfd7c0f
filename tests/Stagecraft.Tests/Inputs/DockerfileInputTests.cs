using System.Text;
using Stagecraft.Inputs;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Inputs;

public sealed class DockerfileInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_a_file_under_the_path_as_given()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine\n");

        var input = DockerfileInput.Read(path, () => throw new InvalidOperationException("stdin must not be opened"));

        Assert.Equal(path, input.Path);
        Assert.Equal("FROM alpine\n"u8.ToArray(), input.Bytes);
        Assert.False(input.IsStandardInput);
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var input = DockerfileInput.Read("-", () => new MemoryStream(Encoding.UTF8.GetBytes("FROM scratch")));

        Assert.True(input.IsStandardInput);
        Assert.Equal("FROM scratch"u8.ToArray(), input.Bytes);
    }

    [Fact]
    public void Each_problem_is_a_StagecraftException_of_its_own_type()
    {
        Assert.IsType<InputNotFoundException>(Thrown(() => DockerfileInput.FromFile(Path.Combine(_temp.FullPath, "missing"))));
        Assert.IsType<InputNotFoundException>(Thrown(() => DockerfileInput.FromFile("")));
        Assert.IsType<InputIsDirectoryException>(Thrown(() => DockerfileInput.FromFile(_temp.FullPath)));
        var binary = Assert.IsType<NotADockerfileException>(Thrown(() => DockerfileInput.Read("-", () => new MemoryStream([65, 0]))));
        Assert.Equal(1, binary.Offset);
        Assert.Equal("-: contains NUL bytes at offset 1; not a Dockerfile", binary.Message);
    }

    [Fact]
    public void Closed_standard_input_is_an_unreadable_input()
    {
        // What .NET throws when fd 0 is closed (`stagecraft parse - <&-`).
        var closed = new ThrowingStream(new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor")));

        var error = Assert.IsType<InputUnreadableException>(Thrown(() => DockerfileInput.Read("-", () => closed)));

        Assert.Equal("-: cannot read: Bad file descriptor", error.Message);
    }

    private static StagecraftException Thrown(Action action) => Assert.IsAssignableFrom<StagecraftException>(Record.Exception(action));

    private sealed class ThrowingStream(Exception failure) : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override int Read(Span<byte> buffer) => throw failure;
    }
}
