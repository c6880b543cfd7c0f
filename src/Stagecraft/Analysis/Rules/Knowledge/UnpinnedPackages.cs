using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Package arguments of an install command that name no version, after ARG and ENV values are filled in: a package
/// written through a variable the Dockerfile does not settle counts as pinned, since its value is chosen elsewhere.
/// </summary>
internal static class UnpinnedPackages
{
    /// <summary>
    /// The package words, <paramref name="operands"/> from index <paramref name="first"/> on (after the subcommand), whose value
    /// (or one of the values a variable holds) fails <paramref name="isPinned"/>; null when none does.
    /// </summary>
    public static List<(ShellWord Word, string Name)>? Find(SemanticModel model, InstructionSyntax at, List<ShellWord> operands, int first, Func<string, bool> isPinned)
    {
        List<(ShellWord, string)>? unpinned = null;
        for (var i = first; i < operands.Count; i++)
        {
            var word = operands[i];
            if (ShellWordValues.Resolve(model, at, word) is not { } value)
                continue;
            if (value.AsSpan().IndexOfAny(" \t\n") < 0)
            {
                if (!isPinned(value))
                    (unpinned ??= new(operands.Count - i)).Add((word, value));
                continue;
            }
            // A variable may hold a list (ENV PHPIZE_DEPS="autoconf gcc"): each package in it is judged.
            foreach (var name in value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!isPinned(name))
                {
                    (unpinned ??= new(operands.Count - i)).Add((word, name));
                    break;
                }
            }
        }
        return unpinned;
    }

    /// <summary>From the first unpinned package to the last, in the file.</summary>
    public static TextSpan Span(RunScript script, List<(ShellWord Word, string Name)> unpinned) =>
        TextSpan.FromBounds(script.ToFileSpan(unpinned[0].Word.Span).Start, script.ToFileSpan(unpinned[^1].Word.Span).End);

    /// <summary><c>curl</c>, <c>curl and git</c>, <c>curl, git, make and 4 more</c>.</summary>
    public static string Names(List<(ShellWord Word, string Name)> unpinned)
    {
        // Only the first three names are written out; the rest are only counted, so they are not quoted.
        var names = new List<string>(unpinned.Count);
        var seen = unpinned.Count > 8 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var (_, name) in unpinned)
        {
            if (seen is not null ? seen.Add(name) : !names.Contains(name))
                names.Add(name);
        }
        return names.Count switch
        {
            1 => Quoted(names[0]),
            <= 3 => string.Join(", ", names[..^1].ConvertAll(Quoted)) + " and " + Quoted(names[^1]),
            // Concatenated, not interpolated: callers interpolate this into their message, and a pooled buffer rented inside
            // another one makes the runtime time its processor-number lookups (tens of microseconds, once per process).
            _ => string.Concat([Quoted(names[0]), ", ", Quoted(names[1]), ", ", Quoted(names[2]), " and ",
                (names.Count - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), " more"]),
        };
    }

    private static string Quoted(string name) => "`" + name + "`";
}
