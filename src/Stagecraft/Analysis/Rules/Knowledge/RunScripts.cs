using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>One RUN whose script a POSIX shell runs, with its stage and whether it is an ONBUILD trigger.</summary>
internal readonly record struct StageRun(Stage Stage, RunInstructionSyntax Run, RunScript Script, bool IsTrigger);

/// <summary>The RUN scripts of a Dockerfile in file order, stage by stage (exec form and Windows shells have none).</summary>
internal static class RunScripts
{
    /// <param name="triggers">Also the RUNs kept by ONBUILD, after each stage's own.</param>
    /// <remarks>Read once per file and kept on the context: a score of rules walk these.</remarks>
    public static ItemList<StageRun> Of(RuleContext context, bool triggers) => triggers
        ? context.RunsWithTriggers ??= Collect(context, true)
        : context.RunsWithoutTriggers ??= Collect(context, false);

    private static StageRun[] Collect(RuleContext context, bool triggers)
    {
        // Sized by a first count, so the array is built once rather than grown and copied.
        var count = 0;
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is RunInstructionSyntax || (triggers && instruction is OnbuildInstructionSyntax { Trigger: RunInstructionSyntax }))
                    count++;
            }
        }
        var runs = new StageRun[count];
        var filled = 0;
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is RunInstructionSyntax run && context.Script(run) is { } script)
                    runs[filled++] = new StageRun(stage, run, script, false);
                else if (triggers && instruction is OnbuildInstructionSyntax { Trigger: RunInstructionSyntax trigger } && context.Script(trigger) is { } triggered)
                    runs[filled++] = new StageRun(stage, trigger, triggered, true);
            }
        }
        // Exec-form RUNs and other shells have no script.
        if (filled < count)
            Array.Resize(ref runs, filled);
        return runs;
    }
}
