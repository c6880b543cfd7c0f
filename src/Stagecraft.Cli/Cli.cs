using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Stagecraft.Cli.Commands;

namespace Stagecraft.Cli;

/// <summary>Builds the command tree and runs one command line, mapping every outcome to an exit code.</summary>
internal static class Cli
{
    public static int Run(string[] args, CliConsole console)
    {
        var parseResult = CreateRootCommand(console).Parse(args);
        try
        {
            // System.CommandLine reports usage errors with exit code 1, which scripts would read as "findings".
            if (parseResult.Action is ParseErrorAction)
                return ReportUsageErrors(parseResult, console.Error);

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = console.OutputText,
                Error = console.Error,
                // Bugs must not be turned into exit code 1; they are handled below.
                EnableDefaultExceptionHandler = false,
                // Commands so far are short and synchronous: .NET's own Ctrl+C handling is right, and the library's
                // handler is process-wide state that tests running in parallel would share.
                ProcessTerminationTimeout = null,
            });
        }
        catch (StagecraftException e)
        {
            console.Error.WriteLine("stagecraft: " + OneLine(e.Message));
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception e)
        {
            console.Error.WriteLine("stagecraft: internal error; this is a bug, please report it with the text below.");
            console.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
        finally
        {
            console.Flush();
        }
    }

    internal static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("Stagecraft: a Dockerfile toolkit.");
        root.Subcommands.Add(LintCommand.Create(console));
        root.Subcommands.Add(RulesCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(ParseCommand.Create(console));
        root.Subcommands.Add(InspectCommand.Create(console));
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(FixCommand.Create(console));
        return root;
    }

    private static int ReportUsageErrors(ParseResult parseResult, TextWriter error)
    {
        foreach (var parseError in parseResult.Errors)
            error.WriteLine("stagecraft: " + OneLine(parseError.Message));
        error.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
        return ExitCodes.UsageOrInputError;
    }

    // Some library messages list choices on separate, tab-indented lines; one line per error is easier to grep.
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Command: var current }; result = result.Parent)
            names.Add(current is RootCommand ? "stagecraft" : current.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
