using Spectre.Console;

namespace Stagecraft.Cli.Reporting;

/// <summary>The one way the CLI sets up Spectre.Console: on a given writer, with colour and width decided by the caller.</summary>
internal static class SpectreTerminal
{
    public static IAnsiConsole Create(TextWriter writer, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            // Colour was decided by the caller; Spectre must not second-guess it from the process environment.
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
