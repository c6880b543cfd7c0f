using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG215: COPY of several sources to a destination not written as a directory.</summary>
public sealed class CopySourcesIntoNonDirectory : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG215", "copy-sources-into-non-directory",
        "COPY with several sources to a destination without a trailing slash", Severity.Error, RuleCategory.Correctness, ["DL3021"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "COPY (also as an ONBUILD trigger) with two or more sources whose destination, after ARG and ENV values are filled in, does not end with `/`. Destinations that are directories anyway are left alone: `.`, `..`, and the stage's current WORKDIR written out. A destination that depends on an unset variable is not judged.",
        WhyItMatters: "Docker's documentation requires a directory destination ending in `/` when there is more than one source. Without it, whether the sources land inside a directory or the destination becomes a file depends on what already exists in the image, so a change to an earlier step or the base image silently changes where files go.",
        Bad: "FROM node:20-slim\nCOPY package.json package-lock.json /app",
        Good: "FROM node:20-slim\nCOPY package.json package-lock.json /app/",
        FixSafety: "Safe: appends `/` to the destination.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not CopyInstructionSyntax { Sources.Count: > 1, Destination: { } destination } copy
                    || context.Model.Expand(copy, destination.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded
                    || IsDirectory(stage, copy, expanded.Value))
                    continue;
                var end = copy.IsJsonForm ? destination.Span.End - 1 : destination.Span.End;
                context.Report(destination.Span,
                    $"COPY of {copy.Sources.Count} sources to `{expanded.Value}`: end the destination with `/` so they always land inside a directory",
                    stage, new Fix("Append / to the destination", FixSafety.Safe, [TextEdit.Insert(end, "/")]));
            }
        }
    }

    private static bool IsDirectory(Stage stage, CopyInstructionSyntax copy, string path)
    {
        if (path.Length == 0 || path[^1] is '/' or '\\' || path is "." or ".." || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal))
            return true;
        return !stage.IsWindows && stage.WorkingDirectoryAt(copy) is { } current && ContainerPath.Resolve(current, path) == ContainerPath.Resolve(current, ".");
    }
}
