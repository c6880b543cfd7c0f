using System.CommandLine;
using System.Text;
using Spectre.Console;
using Stagecraft.Analysis;
using Stagecraft.Cli.Reporting;
using Stagecraft.Reporting;

namespace Stagecraft.Cli.Commands;

/// <summary><c>stagecraft rules [--format tty|json]</c>: every rule with its id, aliases, default severity, category and title.</summary>
internal static class RulesCommand
{
    private const string Tty = "tty";
    private const string Json = "json";

    // Wide enough that titles are not wrapped when the table goes to a file or a pipe.
    private const int RedirectedWidth = 200;

    public static Command Create(CliConsole console)
    {
        var format = FormatOption.Create(
            "tty: a table; json: {\"rules\": [{id, name, title, severity, category, aliases, enabledByDefault, help}]}.",
            Tty, Json);
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output." };
        var colorOption = new Option<bool>("--color") { Description = "Colour the output even when it is not a terminal." };
        var command = new Command("rules", "List every rule: id, aliases, default severity, category and title. 'stagecraft explain ID' shows one in full.")
        {
            format, noColor, colorOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(noColor) && result.GetValue(colorOption))
                result.AddError("--color and --no-color cannot be used together");
        });
        command.SetAction(parse =>
        {
            if (parse.GetValue(format) == Json)
            {
                RuleListJson.Write(RuleCatalog.All, console.Output);
            }
            else
            {
                bool? flag = parse.GetValue(noColor) ? false : parse.GetValue(colorOption) ? true : null;
                WriteTable(console, TerminalColors.Enabled(flag, console));
            }
            console.Output.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, bool color)
    {
        using var writer = new StreamWriter(console.Output, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        var terminal = SpectreTerminal.Create(writer, color, console.OutputIsTerminal ? console.TerminalWidth ?? 80 : RedirectedWidth);

        var table = new Table { Border = TableBorder.None };
        table.AddColumn("[bold]Id[/]");
        table.AddColumn("[bold]Name[/]");
        table.AddColumn("[bold]Severity[/]");
        table.AddColumn("[bold]Category[/]");
        table.AddColumn("[bold]Aliases[/]");
        table.AddColumn("[bold]Title[/]");
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            table.AddRow(
                Markup.Escape(d.Id),
                Markup.Escape(d.Name),
                Markup.Escape(Severities.Name(d.DefaultSeverity) + (d.EnabledByDefault ? "" : " (off)")),
                Markup.Escape(RuleDocs.CategoryName(d.Category)),
                Markup.Escape(string.Join(", ", d.DisplayAliases)),
                Markup.Escape(d.Title));
        }
        terminal.Write(table);
        var count = RuleCatalog.All.Count;
        var off = RuleCatalog.All.Count(r => !r.Descriptor.EnabledByDefault);
        terminal.WriteLine();
        terminal.WriteLine($"{count} {(count == 1 ? "rule" : "rules")}{(off == 0 ? "" : $" ({off} off by default: turn on with --enable)")}. 'stagecraft explain ID' shows one in full.");
        writer.Flush();
    }
}
