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
    /// The same instructions as <see cref="Before"/>, nearest first, walked without allocating: cache rules ask this for
    /// each RUN they report. A stage's base always comes earlier in the file, so the walk ends.
    /// </summary>
    public static EarlierInstructions Earlier(Stage stage, InstructionSyntax instruction) => new(stage, instruction);

    /// <summary>The last instruction of type <typeparamref name="T"/> that ran before <paramref name="instruction"/>, or null.</summary>
    public static T? LastBefore<T>(Stage stage, InstructionSyntax instruction) where T : InstructionSyntax
    {
        foreach (var earlier in Earlier(stage, instruction))
        {
            if (earlier is T found)
                return found;
        }
        return null;
    }

    /// <summary>The enumerator of <see cref="Earlier"/>; <c>foreach</c> uses it directly.</summary>
    public struct EarlierInstructions
    {
        private Stage? _stage;
        private int _index;

        internal EarlierInstructions(Stage stage, InstructionSyntax instruction)
        {
            var instructions = stage.Instructions;
            var at = 0;
            while (at < instructions.Count && !ReferenceEquals(instructions[at], instruction))
                at++;
            (_stage, _index, Current) = (stage, at, null!);
        }

        public InstructionSyntax Current { get; private set; }

        public readonly EarlierInstructions GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_stage is not null)
            {
                if (_index > 0)
                {
                    Current = _stage.Instructions[--_index];
                    return true;
                }
                _stage = _stage.Base.Stage;
                _index = _stage?.Instructions.Count ?? 0;
            }
            return false;
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
