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
        var parseResult = CreateRootCommand(console, args).Parse(args);
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

    /// <summary>The program's name in usage lines and messages, whatever the binary is called.</summary>
    public const string Name = "stagecraft";

    private static readonly (string Name, Func<CliConsole, Command> Create)[] Subcommands =
    [
        ("lint", LintCommand.Create),
        ("rules", RulesCommand.Create),
        ("explain", ExplainCommand.Create),
        ("parse", ParseCommand.Create),
        ("inspect", InspectCommand.Create),
        ("init", InitCommand.Create),
        ("check", CheckCommand.Create),
        ("diff", DiffCommand.Create),
        ("fix", FixCommand.Create),
    ];

    /// <summary>
    /// The command tree. When the first argument names a subcommand, only that one is built in full: nothing on the command
    /// line can reach the others, and building all nine with their options was a tenth of a one-file lint. The others stay
    /// as bare names so that the tree, and so parsing, is the same.
    /// </summary>
    internal static Command CreateRootCommand(CliConsole console, IReadOnlyList<string>? args = null)
    {
        // A plain Command rather than RootCommand: RootCommand's own --help and --version look their descriptions up
        // through a ResourceManager, whose first use loads reflection's assembly binder (another tenth of a one-file lint).
        var root = new Command(Name, "Stagecraft: a Dockerfile toolkit.") { RootOptions.Help(), RootOptions.Version() };
        var only = args is [var first, ..] && Array.Exists(Subcommands, c => c.Name == first) ? first : null;
        foreach (var (name, create) in Subcommands)
            root.Subcommands.Add(only is null || only == name ? create(console) : new Command(name));
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
            names.Add(current.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
