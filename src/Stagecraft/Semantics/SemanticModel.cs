using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>
/// What a Dockerfile means for a build: its stages, what each is built on, ARG/ENV scopes, the stages a target needs,
/// and RUN scripts ready for shell analysis. Built once from a syntax tree; read by rules.
/// </summary>
public sealed class SemanticModel
{
    private readonly Dictionary<InstructionSyntax, Stage> _stageOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RunInstructionSyntax, RunScript?> _scripts = new(ReferenceEqualityComparer.Instance);

    internal SemanticModel(SyntaxTree tree, BuildSettings settings, ItemList<Stage> stages, IReadOnlyList<ArgInstructionSyntax> globalArgs,
        VariableScope globalScope, IReadOnlyList<SyntaxDiagnostic> diagnostics)
    {
        Tree = tree;
        Settings = settings;
        Stages = stages;
        GlobalArgs = globalArgs;
        GlobalScope = globalScope;
        Diagnostics = diagnostics;
        var instructions = 0;
        foreach (var stage in stages)
            instructions += 1 + stage.Instructions.Count;
        _stageOf.EnsureCapacity(instructions);
        foreach (var stage in stages)
        {
            _stageOf[stage.From] = stage;
            foreach (var instruction in stage.Instructions)
                _stageOf[instruction] = stage;
            foreach (var trigger in stage.OnbuildTriggers)
                _stageOf[trigger] = stage;
        }
    }

    public static SemanticModel Build(SyntaxTree tree, BuildSettings? settings = null) => SemanticModelBuilder.Build(tree, settings ?? BuildSettings.Default);

    public SyntaxTree Tree { get; }

    public BuildSettings Settings { get; }

    public ItemList<Stage> Stages { get; }

    /// <summary>ARG instructions before the first FROM (meta arguments, usable in FROM lines).</summary>
    public IReadOnlyList<ArgInstructionSyntax> GlobalArgs { get; }

    /// <summary>The variables FROM lines see: built-in platform arguments and meta arguments.</summary>
    public VariableScope GlobalScope { get; }

    /// <summary>Problems BuildKit would refuse to build with that only the whole file shows (stage names, --from targets).</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics { get; }

    /// <summary>The stage a build produces: the <see cref="BuildSettings.Target"/>, or the last stage.</summary>
    public Stage? TargetStage => Settings.Target is { } target ? FindStage(target) : Stages.LastOrDefault();

    /// <summary>Finds a stage by name (case-insensitive; of a repeated name the last, as in BuildKit) or by index.</summary>
    public Stage? FindStage(string nameOrIndex)
    {
        var lower = nameOrIndex.ToLowerInvariant();
        var byName = Stages.LastOrDefault(s => s.Name == lower);
        if (byName is not null)
            return byName;
        return int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < Stages.Count ? Stages[index] : null;
    }

    /// <summary>The stages a build of <paramref name="target"/> (default: the last stage) runs, in file order; BuildKit skips the rest.</summary>
    public ItemList<Stage> StagesNeededFor(string? target = null)
    {
        var start = target is null ? TargetStage : FindStage(target);
        if (start is null)
            return ItemList<Stage>.Empty;
        var needed = new HashSet<Stage>();
        var pending = new Stack<Stage>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var stage = pending.Pop();
            if (!needed.Add(stage))
                continue;
            foreach (var dependency in stage.Dependencies)
                pending.Push(dependency);
        }
        return Stages.Where(needed.Contains).ToArray();
    }

    /// <summary>The stage an instruction belongs to, or null for global ARGs and anything before the first FROM.</summary>
    public Stage? StageOf(InstructionSyntax instruction) => _stageOf.GetValueOrDefault(instruction);

    /// <summary>The variables an instruction sees.</summary>
    public VariableScope ScopeAt(InstructionSyntax instruction) =>
        StageOf(instruction) is { } stage && !ReferenceEquals(stage.From, instruction) ? stage.ScopeAt(instruction) : GlobalScope;

    /// <summary>Expands a word as BuildKit would at that instruction (quotes removed, variables substituted).</summary>
    public ExpansionResult Expand(InstructionSyntax at, string word) =>
        WordExpander.ExpandWord(word, ScopeAt(at), ExpansionOptionsFor(Tree));

    /// <summary>The RUN's script for shell analysis with a map back to the file, or null when it is exec form or not run by a POSIX shell.</summary>
    public RunScript? ScriptOf(RunInstructionSyntax run)
    {
        if (!_scripts.TryGetValue(run, out var script))
        {
            var shell = StageOf(run)?.ShellAt(run) ?? Stage.DefaultShell;
            script = RunScript.Create(run, shell, Tree.Root.EscapeCharacter);
            _scripts[run] = script;
        }
        return script;
    }

    internal static ExpansionOptions ExpansionOptionsFor(SyntaxTree tree) =>
        tree.Root.EscapeCharacter == '\\' ? ExpansionOptions.Default : ExpansionOptions.Default with { EscapeCharacter = tree.Root.EscapeCharacter };
}
