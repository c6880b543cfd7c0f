using Stagecraft.Cli;

namespace Stagecraft.Tests.Cli;

/// <summary>The root command: its own --help and --version, and the subcommand tree built for one command line.</summary>
public sealed class RootCommandTests
{
    [Fact]
    public void Root_help_lists_every_command_with_its_arguments_and_the_root_options()
    {
        var help = CliRun.Run("--help").OutputText;

        Assert.Contains("Usage:\n  stagecraft [command] [options]", help);
        Assert.Contains("-?, -h, --help  Show help and usage information", help);
        Assert.Contains("--version       Show version information", help);
        foreach (var command in new[] { "lint <PATH>", "rules", "explain <ID>", "parse <FILE>", "inspect <REF>", "init <DIR>", "check <REF>", "diff <REF_A> <REF_B>", "fix <PATH>" })
            Assert.Contains("\n  " + command + " ", help);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("diff")]
    [InlineData("init")]
    public void A_subcommand_built_alone_has_its_full_help_and_the_recursive_help_option(string command)
    {
        var result = CliRun.Run(command, "-h");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Usage:\n  stagecraft {command} ", result.OutputText);
        Assert.Contains("-?, -h, --help", result.OutputText);
    }

    [Fact]
    public void Every_subcommand_is_the_same_whether_built_alone_or_with_the_others()
    {
        var alone = Stagecraft.Cli.Cli.CreateRootCommand(Console(), ["fix"]);
        var all = Stagecraft.Cli.Cli.CreateRootCommand(Console());

        Assert.Equal(all.Subcommands.Select(c => c.Name), alone.Subcommands.Select(c => c.Name));
        var fixAlone = alone.Subcommands.Single(c => c.Name == "fix");
        var fixWithOthers = all.Subcommands.Single(c => c.Name == "fix");
        Assert.Equal(fixWithOthers.Options.Select(o => o.Name), fixAlone.Options.Select(o => o.Name));
        Assert.Empty(alone.Subcommands.Single(c => c.Name == "lint").Options);
    }

    [Fact]
    public void Version_is_the_informational_version_with_the_commit()
    {
        var result = CliRun.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(RootOptions.Text + "\n", result.OutputText);
        Assert.Matches(@"^\d+\.\d+\.\d+", RootOptions.Text);
    }

    [Fact]
    public void Version_after_a_subcommand_is_an_unknown_option()
    {
        var result = CliRun.Run("lint", "--version");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: unknown option '--version' (for a file whose name starts with '-', write ./--version)\nRun 'stagecraft lint --help' for usage.\n", result.Error);
    }

    [Fact]
    public void A_misspelt_command_is_a_usage_error_naming_it()
    {
        var result = CliRun.Run("lnt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stagecraft: Unrecognized command or argument 'lnt'.", result.Error);
        Assert.Empty(result.Output);
    }

    private static CliConsole Console() => new(new MemoryStream(), new MemoryStream(), new StringWriter());
}
