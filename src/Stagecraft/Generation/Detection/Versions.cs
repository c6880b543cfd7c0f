using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Generation.Detection;

/// <summary>Decides a plan's runtime version from <c>--version</c>, what the project states, or the default line.</summary>
internal static class Versions
{
    /// <exception cref="StagecraftException"><c>--version</c> is not a version.</exception>
    public static Decided<string> Decide(Stack stack, string? flag, (string Requirement, string Evidence)? stated, List<string> notes)
    {
        if (flag is not null)
        {
            // A flag names a release or a line; ranges and channels ("latest") belong in the project's files.
            var version = (RuntimeVersion.Unresolved(flag) is null ? null : RuntimeVersion.Resolve(stack, flag) ?? RuntimeVersion.Unresolved(flag))
                ?? throw new StagecraftException($"--version: '{flag}' is not a version (expected a release such as {KnownVersions.DefaultLine(stack)} or a line such as {KnownVersions.DefaultLine(stack) with { Parts = KnownVersions.LineParts(stack) }})");
            return Decided<string>.ByFlag(version, "--version");
        }
        if (stated is var (requirement, evidence))
        {
            if (RuntimeVersion.Resolve(stack, requirement) is { } resolved)
                return new Decided<string>(resolved, requirement.Trim() == "*" ? evidence : $"{evidence} ({requirement.Trim()})");
            if (RuntimeVersion.Unresolved(requirement) is { } line)
            {
                // Java 11 or .NET 6 are older than the lines the table keeps, not newer.
                var older = ReleaseVersion.Parse(line) is { } asked && KnownVersions.Lines(stack).All(v => v.ComparePrefix(asked with { Parts = Math.Min(asked.Parts, KnownVersions.LineParts(stack)) }) > 0);
                notes.Add($"{evidence} asks for {line}, {(older ? "older" : "newer")} than the releases Stagecraft knows: the tag names the line, not a patch release; pass --version with a precise one");
                return new Decided<string>(line, evidence);
            }
            notes.Add($"{evidence} says '{requirement.Trim()}', which no known release satisfies: using the default; pass --version to choose");
        }
        return Decided<string>.ByDefault(KnownVersions.DefaultLine(stack).ToString());
    }
}
