using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>Many files are linted on every core, but reports and errors come out as if they were linted one by one.</summary>
public sealed class LintParallelTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Findings_come_in_the_order_of_the_files_given()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"f{i:00}.Dockerfile").ToArray();
        foreach (var name in names)
            _temp.Write(name, "FROM alpine:3.20\nFOO bar\n");
        var shuffled = names.OrderBy(n => n.GetHashCode(StringComparison.Ordinal)).ToArray();

        var result = CliRun.InFolder(_temp.FullPath, ["lint", "--format", "gnu", .. shuffled]);

        Assert.Equal(1, result.ExitCode);
        var paths = result.OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':')]).ToArray();
        Assert.Equal(shuffled, paths);
    }

    [Fact]
    public void The_error_of_the_first_bad_file_in_order_is_the_one_reported()
    {
        var names = Enumerable.Range(0, 20).Select(i => $"f{i:00}.Dockerfile").ToArray();
        foreach (var name in names)
            _temp.Write(name, "FROM alpine:3.20\n");
        _temp.Write("f05.Dockerfile", "FROM alpine:3.20\0\n");
        _temp.Write("f15.Dockerfile", "FROM alpine:3.20\0\n");

        var result = CliRun.InFolder(_temp.FullPath, ["lint", "--format", "gnu", .. names]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("f05.Dockerfile", result.Error);
        Assert.DoesNotContain("f15.Dockerfile", result.Error);
        Assert.Equal("", result.OutputText);
    }
}
