using System.CommandLine;
using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Reporting;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft explain ID</c>: a rule's page, the same text as docs/rules/&lt;ID&gt;.md, with its help link; for a
/// retired rule's id, the page of the rule it was merged into, after one line saying so.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("ID")
        {
            Description = "A rule id (STG001), one of its aliases (DL3008) or its name, in any case; a retired id shows the rule it was merged into.",
        };
        var command = new Command("explain", "Explain a rule: what it flags, why it matters, bad and good examples, fix safety, options.")
        {
            id,
        };
        command.SetAction(parse =>
        {
            var code = parse.GetValue(id)!;
            var rule = RuleLookup.Find(code) ?? throw new StagecraftException(RuleLookup.UnknownMessage(code) + "; 'stagecraft rules' lists them all");
            var page = RuleDocs.Page(rule) + $"\nOnline: {rule.Descriptor.HelpUri}\n";
            if (RetiredRules.Find(code) is { } retired)
                page = RuleDocs.MergedNote(retired, rule.Descriptor) + "\n\n" + page;
            console.Output.Write(Encoding.UTF8.GetBytes(page));
            console.Output.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
