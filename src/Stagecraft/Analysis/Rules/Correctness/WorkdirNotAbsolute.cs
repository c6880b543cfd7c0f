using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG201: a WORKDIR given as a relative path, which depends on the WORKDIR before it.</summary>
public sealed class WorkdirNotAbsolute : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG201", "workdir-not-absolute",
        "WORKDIR is a relative path", Severity.Error, RuleCategory.Correctness, ["DL3000"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "WORKDIR whose path, after ARG and ENV values are filled in, does not start at the root: `/app` (or `C:\\app`, `\\app` in Windows stages) is absolute, `app` and `./app` are not. Paths written through variables that the Dockerfile leaves unset are not judged. ONBUILD WORKDIR triggers are checked too.",
        WhyItMatters: "A relative WORKDIR is joined to the one before it, which may be set by the base image and change when the base does: `WORKDIR app` means /app on one image and /usr/src/app on another, and every later COPY, RUN and the container's start directory move with it.",
        Bad: "FROM node:20-slim\nWORKDIR app",
        Good: "FROM node:20-slim\nWORKDIR /app",
        FixSafety: "Safe when an earlier WORKDIR of the stage (or a stage it is built FROM) fixes the directory it is relative to, or the stage starts FROM scratch: the path is replaced by the absolute path it resolves to. Unsafe otherwise, since the base image's own WORKDIR cannot be seen from the Dockerfile and `/` is assumed.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not WorkdirInstructionSyntax { Value: { } written } workdir)
                    continue;
                if (context.Model.Expand(workdir, written.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded
                    || expanded.Value.Length == 0 || IsAbsolute(expanded.Value, stage.IsWindows))
                    continue;
                var trigger = context.IsOnbuildTrigger(workdir);
                context.Report(written.Span,
                    $"`WORKDIR {expanded.Value}` is relative, so it depends on the WORKDIR before it (possibly the base image's): write an absolute path",
                    stage, trigger || stage.IsWindows ? null : Fix(context, stage, workdir, written, expanded.Value));
            }
        }
    }

    private static bool IsAbsolute(string path, bool windows) =>
        path[0] == '/' || (windows && path[0] == '\\') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    private static Fix? Fix(RuleContext context, Stage stage, WorkdirInstructionSyntax workdir, ArgumentSyntax written, string path)
    {
        if (written.Value.Contains('$') || stage.WorkingDirectoryAt(workdir) is not { } current)
            return null;
        var absolute = ContainerPath.Resolve(current, path);
        var safety = KnowsDirectory(context.Model, stage, workdir) ? FixSafety.Safe : FixSafety.Unsafe;
        return new Fix($"Write `WORKDIR {absolute}`", safety, [new TextEdit(written.Span, absolute)]);
    }

    /// <summary>True when the directory before <paramref name="workdir"/> is set in this file: an earlier absolute WORKDIR in the stage chain, or scratch.</summary>
    private static bool KnowsDirectory(SemanticModel model, Stage stage, WorkdirInstructionSyntax workdir)
    {
        for (var (current, guard) = (stage, 0); current is not null && guard < 1000; current = current.Base.Stage, guard++)
        {
            foreach (var instruction in current.Instructions)
            {
                if (ReferenceEquals(instruction, workdir))
                    break;
                if (instruction is WorkdirInstructionSyntax { Value: { } earlier } other
                    && model.Expand(other, earlier.Value) is { Succeeded: true, Value: ['/', ..] })
                    return true;
            }
            if (current.Base.Kind == StageBaseKind.Scratch)
                return true;
        }
        return false;
    }
}
