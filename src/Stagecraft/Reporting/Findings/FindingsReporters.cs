using System.Diagnostics.CodeAnalysis;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// The lint output formats by <c>--format</c> name. The human <c>tty</c> format lives in the CLI (it needs the
/// terminal library), which adds it to <see cref="Names"/> in its own help.
/// </summary>
public static class FindingsReporters
{
    private static readonly Dictionary<string, Func<FindingsReporterOptions, IFindingsReporter>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [GnuReporter.Name] = _ => new GnuReporter(),
        [JsonReporter.Name] = _ => new JsonReporter(),
        [SarifReporter.Name] = options => new SarifReporter(options),
        [CheckstyleReporter.Name] = _ => new CheckstyleReporter(),
        [GitHubReporter.Name] = options => new GitHubReporter(options),
        [GitLabReporter.Name] = options => new GitLabReporter(options),
        [JUnitReporter.Name] = _ => new JUnitReporter(),
    };

    /// <summary>The format names, lower case, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [GnuReporter.Name, JsonReporter.Name, SarifReporter.Name, CheckstyleReporter.Name, GitHubReporter.Name, GitLabReporter.Name, JUnitReporter.Name];

    /// <summary>True when <paramref name="name"/> is one of <see cref="Names"/> (case-insensitive).</summary>
    public static bool IsKnown(string name) => Factories.ContainsKey(name);

    public static bool TryCreate(string name, FindingsReporterOptions? options, [NotNullWhen(true)] out IFindingsReporter? reporter)
    {
        reporter = Factories.TryGetValue(name, out var factory) ? factory(options ?? FindingsReporterOptions.Default) : null;
        return reporter is not null;
    }

    /// <summary>Makes the reporter for a format name.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static IFindingsReporter Create(string name, FindingsReporterOptions? options = null) =>
        TryCreate(name, options, out var reporter)
            ? reporter
            : throw new ArgumentException($"unknown format '{name}'; expected one of {string.Join(", ", Names)}", nameof(name));
}
