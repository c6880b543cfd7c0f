using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>A stage and the stages it is built FROM, nearest first, and what of them ran before an instruction.</summary>
internal static class StageChain
{
    /// <summary>The stage, then its base stage, and so on (stops at an image or scratch).</summary>
    public static Chain Of(Stage stage) => new(stage);

    /// <summary>
    /// The instructions that ran before <paramref name="instruction"/> in its stage and the stages below it, nearest first,
    /// walked without allocating: cache rules ask this for each RUN they report. A stage's base always comes earlier in
    /// the file, so the walk ends.
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

    /// <summary>
    /// The last instruction of type <typeparamref name="T"/> in the first of <paramref name="stages"/> that has one: over
    /// the stages an image is made of (final first), the one that is in force in the image.
    /// </summary>
    public static T? LastIn<T>(ItemList<Stage> stages) where T : InstructionSyntax
    {
        foreach (var stage in stages)
        {
            var instructions = stage.Instructions;
            for (var i = instructions.Count - 1; i >= 0; i--)
            {
                if (instructions[i] is T found)
                    return found;
            }
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
        foreach (var below in Of(stage))
        {
            if (ReferenceEquals(below, stage))
                continue;
            foreach (var trigger in below.OnbuildTriggers)
            {
                if (trigger is ArgInstructionSyntax arg)
                {
                    for (var i = 0; i < arg.Declarations.Count; i++)
                        names.Add(arg.Declarations[i].Name);
                }
                else if (trigger is EnvInstructionSyntax env)
                {
                    for (var i = 0; i < env.Pairs.Count; i++)
                        names.Add(env.Pairs[i].Key);
                }
            }
        }
        return names;
    }

    /// <summary>
    /// A stage and the stages below it. A base stage is always an earlier stage, so the walk follows falling indexes and
    /// needs no set of visited stages; <c>foreach</c> over it allocates nothing (rules walk chains for every stage of every file).
    /// </summary>
    public readonly struct Chain(Stage stage) : IEnumerable<Stage>
    {
        public ChainEnumerator GetEnumerator() => new(stage);

        IEnumerator<Stage> IEnumerable<Stage>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The last stage of the chain: the one built on an image or on scratch.</summary>
        public Stage Root
        {
            get
            {
                var root = stage;
                while (root.Base.Stage is { } below && below.Index < root.Index)
                    root = below;
                return root;
            }
        }
    }

    public struct ChainEnumerator(Stage first) : IEnumerator<Stage>
    {
        private Stage? _current;

        public readonly Stage Current => _current!;

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_current is null)
            {
                _current = first;
                return true;
            }
            // Falling indexes only: a malformed link can never loop.
            if (_current.Base.Stage is { } below && below.Index < _current.Index)
            {
                _current = below;
                return true;
            }
            return false;
        }

        public void Reset() => _current = null;

        public readonly void Dispose()
        {
        }
    }
}
