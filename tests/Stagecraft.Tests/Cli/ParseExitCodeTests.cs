using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>Every exit code of <c>stagecraft parse</c>: 0 clean, 1 syntax errors, 2 usage or input errors, 70 bugs.</summary>
public sealed class ParseExitCodeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Clean_file_exits_0_with_nothing_on_stderr()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine\nRUN echo hi\n");

        var result = CliRun.Run("parse", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Syntax_error_exits_1_with_a_diagnostic_line()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine\nFOO bar\n");

        var result = CliRun.Run("parse", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{path}:2:1 unknown-instruction error: unknown instruction: FOO\n", result.Error);
    }

    [Fact]
    public void Warnings_alone_exit_0_and_are_still_printed()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine\nRUN echo \\\n\n  hi\n");

        var result = CliRun.Run("parse", path);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{path}:3:1 empty-continuation warning: empty continuation line", result.Error);
        Assert.EndsWith("future BuildKit release\n", result.Error);
    }

    [Fact]
    public void Buildkit_format_ignores_errors_from_later_instruction_checks()
    {
        // BuildKit's parser dumps an unknown instruction happily; only its instruction dispatch rejects it later.
        var path = _temp.Write("Dockerfile", "FROM alpine\nFOO bar\n");

        var result = CliRun.Run("parse", "--format", "buildkit", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(":2:1 unknown-instruction error: unknown instruction: FOO", result.Error);
    }

    [Fact]
    public void Build_errors_that_need_the_whole_file_exit_1_except_in_the_buildkit_dump()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine AS app\nCOPY --from=3 / /\n");

        var json = CliRun.Run("parse", path);
        var dump = CliRun.Run("parse", "--format", "buildkit", path);

        Assert.Equal(1, json.ExitCode);
        Assert.Equal($"{path}:2:13 invalid-build error: --from=3 names no stage: this file has 1 stage(s), numbered from 0\n", json.Error);
        Assert.Equal(0, dump.ExitCode);
    }

    [Fact]
    public void Buildkit_format_exits_1_for_a_line_parser_error()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine\nRUN <<EOF\necho hi\n");

        var result = CliRun.Run("parse", "--format", "buildkit", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:2:5 unterminated-heredoc error: unterminated heredoc", result.Error);
    }

    [Fact]
    public void Missing_file_exits_2_naming_the_file()
    {
        var path = Path.Combine(_temp.FullPath, "nope.Dockerfile");

        var result = CliRun.Run("parse", path);

        AssertInputError(result, $"stagecraft: {path}: no such file\n");
    }

    [Fact]
    public void Directory_exits_2_naming_it()
    {
        var result = CliRun.Run("parse", _temp.FullPath);

        AssertInputError(result, $"stagecraft: {_temp.FullPath}: is a directory, not a Dockerfile\n");
    }

    [Fact]
    public void File_with_NUL_bytes_exits_2_with_the_offset()
    {
        var path = _temp.Write("image.tar", [(byte)'F', (byte)'R', 0, 1, 2]);

        var result = CliRun.Run("parse", path);

        AssertInputError(result, $"stagecraft: {path}: contains NUL bytes at offset 2; not a Dockerfile\n");
    }

    [Fact]
    public void Unreadable_file_exits_2()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes are needed to make a file unreadable.");
            return; // the platform analyzer does not know Skip never returns
        }
        var path = _temp.Write("Dockerfile", "FROM alpine\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        Assert.SkipWhen(CanRead(path), "This user (root?) reads files whatever their mode.");

        var result = CliRun.Run("parse", path);

        AssertInputError(result, $"stagecraft: {path}: cannot read: permission denied\n");
    }

    [Fact]
    public void Failing_standard_input_exits_2()
    {
        var result = CliRun.WithInput(new FailingStream(new IOException("Input/output error")), "parse", "-");

        AssertInputError(result, "stagecraft: -: cannot read: Input/output error\n");
    }

    [Fact]
    public void Standard_input_is_opened_only_when_read()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine\n");

        var result = CliRun.WithInput(() => throw new InvalidOperationException("stdin must not be opened"), "parse", path);

        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("parse", "Dockerfile", "--bogus")]
    [InlineData("parse", "--bogus")]
    [InlineData("parse")]
    [InlineData("parse", "Dockerfile", "--format", "yaml")]
    [InlineData("parse", "Dockerfile", "--format")]
    [InlineData("frobnicate")]
    [InlineData]
    public void Usage_errors_exit_2_with_messages_on_stderr(params string[] args)
    {
        var result = CliRun.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith("stagecraft: ", result.Error);
        Assert.Contains("--help' for usage.", result.Error);
    }

    [Fact]
    public void Unknown_format_names_the_choices()
    {
        var result = CliRun.Run("parse", "Dockerfile", "--format", "yaml");

        Assert.StartsWith("stagecraft: --format: unknown value 'yaml'; expected json, buildkit or source\n", result.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("parse", "--help")]
    public void Help_exits_0_on_stdout(params string[] args)
    {
        var result = CliRun.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.OutputText);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Parse_help_explains_the_buildkit_exit_code()
    {
        var result = CliRun.Run("parse", "--help");

        Assert.Contains("buildkit: BuildKit's parser dump, where only errors of BuildKit's line parser", result.OutputText);
    }

    [Fact]
    public void Version_exits_0_with_a_version_on_stdout()
    {
        var result = CliRun.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", result.OutputText);
    }

    [Fact]
    public void A_bug_exits_70_with_the_stack_trace()
    {
        var result = CliRun.WithInput(new FailingStream(new InvalidOperationException("simulated bug")), "parse", "-");

        Assert.Equal(70, result.ExitCode);
        Assert.Contains("internal error", result.Error);
        Assert.Contains(nameof(FailingStream), result.Error);
    }

    private static void AssertInputError(CliResult result, string expectedError)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal(expectedError, result.Error);
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Standard input that throws on read: an I/O error a user can meet, or anything else to stand in for a bug.</summary>
    private sealed class FailingStream(Exception failure) : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override int Read(Span<byte> buffer) => throw failure;
    }
}
