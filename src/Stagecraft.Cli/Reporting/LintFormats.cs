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
    public static IEnumerable<string> Available => Names.Where(n => n == Tty || FindingsReporters.IsKnown(n));

    /// <summary>
    /// The engine's reporter for a format, or null when this build has none. <c>tty</c> is the CLI's own
    /// (<see cref="TtyReporter"/>); the rest come from the engine's reporters.
    /// </summary>
    public static IFindingsReporter? Engine(string format, string workingDirectory) =>
        FindingsReporters.TryCreate(format, new FindingsReporterOptions { BaseDirectory = workingDirectory }, out var reporter) ? reporter : null;
}
