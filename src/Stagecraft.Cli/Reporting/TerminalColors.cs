namespace Stagecraft.Cli.Reporting;

/// <summary>Whether to colour output written to standard output.</summary>
internal static class TerminalColors
{
    /// <summary>
    /// <c>--color</c>/<c>--no-color</c> decide first; then <c>FORCE_COLOR</c> (set, and not 0 or false) turns colour on,
    /// as in Node.js; then <c>NO_COLOR</c> (set and not empty) or <c>TERM=dumb</c> turn it off; otherwise colour only on a terminal.
    /// </summary>
    /// <param name="flag">true for <c>--color</c>, false for <c>--no-color</c>, null for neither.</param>
    public static bool Enabled(bool? flag, CliConsole console)
    {
        if (flag is { } forced)
            return forced;
        if (console.GetEnvironmentVariable("FORCE_COLOR") is { Length: > 0 } force && force is not ("0" or "false"))
            return true;
        if (console.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 })
            return false;
        if (console.GetEnvironmentVariable("TERM") == "dumb")
            return false;
        return console.OutputIsTerminal;
    }
}
