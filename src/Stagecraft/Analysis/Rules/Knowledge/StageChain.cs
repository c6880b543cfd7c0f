using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A stage and the stages it is built FROM, nearest first, and what of them ran before an instruction.</summary>
internal static class StageChain
{
    /// <summary>The stage, then its base stage, and so on (stops at an image or scratch, and at a cycle).</summary>
    // A list, not an iterator over a set: rules ask this for every stage, chains are a few stages long, and most stages
    // start from an image.
    public static ItemList<Stage> Of(Stage stage)
    {
        if (stage.Base.Stage is null)
            return new[] { stage };
        var chain = new List<Stage>();
        for (var s = stage; s is not null && !chain.Contains(s); s = s.Base.Stage)
            chain.Add(s);
        return chain;
    }

    /// <summary>The instructions that ran before <paramref name="instruction"/> in its stage and the stages below it, nearest first per stage.</summary>
    public static IEnumerable<(Stage Stage, InstructionSyntax Instruction)> Before(Stage stage, InstructionSyntax instruction)
    {
        foreach (var s in Of(stage))
        {
            var instructions = ReferenceEquals(s, stage) ? s.Instructions.TakeWhile(i => !ReferenceEquals(i, instruction)) : s.Instructions;
            foreach (var i in instructions.Reverse())
                yield return (s, i);
        }
    }

    /// <summary>
    /// The names the ONBUILD triggers of the stages below declare (ARG) or set (ENV): BuildKit runs those triggers at
    /// the start of a stage built FROM them.
    /// </summary>
    public static HashSet<string> NamesFromBaseTriggers(Stage stage)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var below in Of(stage).Skip(1))
        {
            foreach (var trigger in below.OnbuildTriggers)
            {
                if (trigger is ArgInstructionSyntax arg)
                    names.UnionWith(arg.Declarations.Select(d => d.Name));
                else if (trigger is EnvInstructionSyntax env)
                    names.UnionWith(env.Pairs.Select(p => p.Key));
            }
        }
        return names;
    }
}
