using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG258: COPY or ADD to a relative destination in a stage where no WORKDIR says what it is relative to.</summary>
public sealed class CopyToRelativePathWithoutWorkdir : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG258", "copy-to-relative-path-without-workdir",
        "COPY or ADD to a relative destination with no WORKDIR set", Severity.Warning, RuleCategory.Correctness, ["DL3045"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A COPY or ADD whose destination (ARG and ENV values filled in) is a relative path, such as `.` or `app/`, when neither the stage nor a stage it is built FROM has a WORKDIR before it. Stages built from `scratch` (whose working directory is `/`, with no base image to change it), absolute destinations (`/app`, `C:\\app`) and destinations that depend on a variable without a value are left alone, and so are ONBUILD COPYs, which run in a later build whose WORKDIR this file does not show.",
        WhyItMatters: "A relative destination is relative to the working directory, which then comes from the base image: `/` for most, `/go` for golang, `/usr/src/app` for some. The files land somewhere the Dockerfile does not say, and move when the base image changes.",
        Bad: "FROM node:20-slim\nCOPY package.json .",
        Good: "FROM node:20-slim\nWORKDIR /app\nCOPY package.json .",
        FixSafety: "No automatic fix: choose the directory and add a WORKDIR (or write the destination as an absolute path).");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (HasWorkdirBelow(stage, out var root) || root.Base.Kind == StageBaseKind.Scratch)
                continue;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is WorkdirInstructionSyntax)
                    break;
                if (instruction is not FileTransferInstructionSyntax { Destination: { } destination } copy || destination.Value.Length == 0)
                    continue;
                if (context.Model.Expand(copy, destination.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded || IsAbsolute(expanded.Value))
                    continue;
                context.Report(destination.Span,
                    $"`{destination.Value}` is relative to the base image's working directory, which this file never sets: add a WORKDIR before this {copy.Keyword.ToUpperInvariant()} or use an absolute path",
                    stage, aliases: copy is AddInstructionSyntax ? [] : null); // hadolint's DL3045 looks at COPY only
            }
        }
    }

    /// <summary>True when a stage this one is built FROM has a WORKDIR (the stage's own are checked in order).</summary>
    private static bool HasWorkdirBelow(Stage stage, out Stage root)
    {
        root = stage;
        foreach (var below in StageChain.Of(stage))
        {
            root = below;
            if (ReferenceEquals(below, stage))
                continue;
            foreach (var instruction in below.Instructions)
            {
                if (instruction is WorkdirInstructionSyntax)
                    return true;
            }
        }
        return false;
    }

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');
}
