using Stagecraft.Reporting.Findings;

namespace Stagecraft.Cli.Reporting;

/// <summary>The <c>lint --format</c> names and the reporter behind each.</summary>
internal static class LintFormats
{
    public const string Tty = "tty";
    public const string Gnu = "gnu";

    /// <summary>Every name <c>--format</c> accepts, in the order help lists them.</summary>
    public static readonly string[] Names = [Tty, Gnu, "json", "sarif", "checkstyle", "github", "gitlab", "junit"];

    /// <summary>The formats this build can write.</summary>
    public static IEnumerable<string> Available => Names.Where(n => n == Tty || Engine(n) is not null);

    /// <summary>
    /// The engine's reporter for a format, or null when this build has none. <c>tty</c> is the CLI's own
    /// (<see cref="TtyReporter"/>); the rest come from the engine's reporters.
    /// </summary>
    // TODO(merge): point this at the FindingsReporters registry when the report formats land; gnu is a stopgap.
    public static IFindingsReporter? Engine(string format) => format switch
    {
        Gnu => new GnuReporter(),
        _ => null,
    };
}
