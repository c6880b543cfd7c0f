using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Generation.Detection;

/// <summary>Turns what a project (or <c>--version</c>) says about its runtime version into one precise release.</summary>
internal static class RuntimeVersion
{
    /// <summary>
    /// A precise version for <paramref name="requirement"/>: a full version is used as written; a line or a range gets
    /// the newest known release it allows, preferring the default line. Null when nothing known fits (see <see cref="Unresolved"/>).
    /// </summary>
    public static string? Resolve(Stack stack, string requirement)
    {
        var exact = ReleaseVersion.Parse(requirement);
        if (exact is { Parts: 3 } && IsPlainVersion(requirement))
            return exact.Value.ToString();
        if (exact is { } line && IsPlainVersion(requirement))
            return KnownVersions.NewestOf(stack, line)?.ToString();
        if (VersionRange.Parse(requirement) is not { } range)
            return null;
        var preferred = KnownVersions.DefaultLine(stack);
        if (range.Allows(preferred))
            return preferred.ToString();
        return KnownVersions.Lines(stack).Where(range.Allows).Select(v => v.ToString()).FirstOrDefault();
    }

    /// <summary>
    /// For a requirement nothing known fits: the line it names, to use as the tag as written (newer than the table),
    /// or null when it names none.
    /// </summary>
    public static string? Unresolved(string requirement) =>
        IsPlainVersion(requirement) && ReleaseVersion.Parse(requirement) is { } v ? v.ToString() : null;

    private static bool IsPlainVersion(string text)
    {
        var value = text.Trim();
        return value.Length > 0 && !value.Contains(' ') && !value.Contains(',') && (char.IsAsciiDigit(value[0]) || value[0] is 'v' or 'V')
            || value.StartsWith("go", StringComparison.Ordinal);
    }
}
