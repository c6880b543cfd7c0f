using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>Repeated <c>--format</c>/<c>--output</c> pairs, the default format, and atomic report files.</summary>
public sealed class LintOutputTests : IDisposable
{
    private const string Gnu = "Dockerfile:2:1 STG000 error: unknown instruction: FOO\n";

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public LintOutputTests() => _temp.Write("Dockerfile", "FROM alpine:3.20\nFOO bar\n");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Formats_and_outputs_pair_in_order()
    {
        var result = Lint("--format", "gnu", "--output", "report.txt", "--format", "tty", "--no-color");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Gnu, File.ReadAllText(Path.Combine(_temp.FullPath, "report.txt")));
        Assert.StartsWith("Dockerfile:2:1 STG000 error: unknown instruction: FOO\n2 | FOO bar\n", result.OutputText);
    }

    [Fact]
    public void Several_files_and_short_option_forms()
    {
        var result = Lint("-f", "gnu", "-o", "a.txt", "--format=tty", "--output=b.txt", "-f", "gnu");

        Assert.Equal(Gnu, File.ReadAllText(Path.Combine(_temp.FullPath, "a.txt")));
        Assert.StartsWith(Gnu + "2 | FOO bar", File.ReadAllText(Path.Combine(_temp.FullPath, "b.txt")));
        Assert.Equal(Gnu, result.OutputText);
    }

    [Fact]
    public void Dash_as_output_is_standard_output()
    {
        Assert.Equal(Gnu, Lint("--format", "gnu", "--output", "-").OutputText);
    }

    [Fact]
    public void A_report_file_is_never_coloured()
    {
        var result = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Terminal = true }, "lint", "--format", "tty", "--output", "r.txt", "--color");

        Assert.DoesNotContain('\u001b', File.ReadAllText(Path.Combine(_temp.FullPath, "r.txt")));
        Assert.Equal("", result.OutputText);
    }

    [Theory]
    [InlineData("stagecraft: gnu and tty would both go to standard output; give all but one of them --output FILE\n", "--format", "gnu", "--format", "tty")]
    [InlineData("stagecraft: --output r.txt needs a --format before it (e.g. --format gnu --output r.txt)\n", "--output", "r.txt")]
    [InlineData("stagecraft: --output b.txt follows a --format that already has an output; give each --output its own --format\n", "-f", "gnu", "-o", "a.txt", "-o", "b.txt")]
    [InlineData("stagecraft: --output a.txt is given twice\n", "-f", "gnu", "-o", "a.txt", "-f", "tty", "-o", "a.txt")]
    [InlineData("stagecraft: missing/r.txt: cannot write: folder missing does not exist\n", "-f", "gnu", "-o", "missing/r.txt")]
    public void Pairing_mistakes_exit_2(string error, params string[] args)
    {
        var result = Lint(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void The_default_is_gnu_when_redirected_and_tty_on_a_terminal()
    {
        var redirected = Lint();
        var terminal = CliRun.In(new CliSetting { WorkingDirectory = _temp.FullPath, Terminal = true, Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" } }, "lint");

        Assert.Equal(Gnu, redirected.OutputText);
        Assert.StartsWith(Gnu + "2 | FOO bar\n  | ^^^ dockerfile-syntax\n", terminal.OutputText);
    }

    [Fact]
    public void A_report_file_is_replaced_whole_and_no_temporary_file_is_left()
    {
        var path = _temp.Write("report.txt", new string('x', 10_000));

        Lint("--format", "gnu", "--output", "report.txt");

        Assert.Equal(Gnu, File.ReadAllText(path));
        Assert.Equal(["Dockerfile", "report.txt"], Directory.GetFiles(_temp.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_write_leaves_the_old_report_and_no_temporary_file()
    {
        var folder = _temp.Folder("out");
        _temp.Write("out/report.txt", "old report\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes are needed to make a folder read-only.");
            return; // the platform analyzer does not know Skip never returns
        }
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Assert.SkipWhen(CanCreateFileIn(folder), "This user (root?) writes into read-only folders.");

            var result = Lint("--format", "gnu", "--output", "out/report.txt");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("stagecraft: out/report.txt: cannot write: ", result.Error);
            Assert.Equal("old report\n", File.ReadAllText(Path.Combine(folder, "report.txt")));
            Assert.Equal(["report.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_write_that_fails_halfway_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var path = _temp.Write("report.sarif", "old report\n");

        var error = Assert.Throws<StagecraftException>(() => Stagecraft.Cli.Reporting.AtomicFile.Write(path, "report.sarif", stream =>
        {
            stream.Write("half a rep"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("report.sarif: cannot write: No space left on device", error.Message);
        Assert.Equal("old report\n", File.ReadAllText(path));
        Assert.Equal(["Dockerfile", "report.sarif"], Directory.GetFiles(_temp.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_report_is_written_even_when_clean()
    {
        _temp.Write("Dockerfile", "FROM alpine:3.20\n");

        var result = Lint("--format", "gnu", "--output", "clean.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", File.ReadAllText(Path.Combine(_temp.FullPath, "clean.txt")));
    }

    private static bool CanCreateFileIn(string folder)
    {
        try
        {
            var probe = Path.Combine(folder, ".probe");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private CliResult Lint(params string[] args) => CliRun.InFolder(_temp.FullPath, ["lint", .. args]);
}
