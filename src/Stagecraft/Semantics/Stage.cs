using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>One build stage: a FROM and the instructions after it up to the next FROM.</summary>
public sealed class Stage
{
    // What each instruction sees, in one table: the model is built for every file linted, so one lookup structure, not three.
    private readonly Dictionary<InstructionSyntax, (VariableScope Scope, IReadOnlyList<string> Shell, ImageConfigState Config)> _states =
        new(ReferenceEqualityComparer.Instance);
    private readonly List<InstructionSyntax> _instructions = [];
    private readonly List<StageReference> _references = [];
    private readonly List<Stage> _dependencies = [];
    // Computed on first use, once the model is built: rules ask for them many times per file.
    private InstructionSyntax[]? _triggers;
    private InstructionSyntax[]? _withTriggers;

    internal Stage(int index, string? name, FromInstructionSyntax from)
    {
        Index = index;
        Name = name;
        From = from;
    }

    /// <summary>0-based position in the file, the number <c>--from=N</c> uses.</summary>
    public int Index { get; }

    /// <summary>The <c>AS</c> name, lower-cased as BuildKit matches it; null for an unnamed stage.</summary>
    public string? Name { get; }

    /// <summary>The name, or the index when the stage has no name.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public FromInstructionSyntax From { get; }

    public StageBase Base { get; internal set; } = new(StageBaseKind.Scratch, "scratch", null);

    /// <summary>The <c>--platform</c> value after expansion, or null when FROM has none.</summary>
    public string? Platform { get; internal set; }

    /// <summary>True when the stage is built on a Windows image (its default shell is cmd).</summary>
    public bool IsWindows { get; internal set; }

    /// <summary>The stage's instructions after its FROM, in order.</summary>
    public ItemList<InstructionSyntax> Instructions => _instructions;

    /// <summary>Instructions kept by ONBUILD for images built on this one (not run in this build).</summary>
    public ItemList<InstructionSyntax> OnbuildTriggers => OnbuildTriggerArray;

    internal InstructionSyntax[] OnbuildTriggerArray => _triggers ??= CollectTriggers();

    private InstructionSyntax[] CollectTriggers()
    {
        List<InstructionSyntax>? triggers = null;
        foreach (var instruction in _instructions)
        {
            if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
                (triggers ??= []).Add(trigger);
        }
        return triggers is null ? [] : [.. triggers];
    }

    /// <summary>Sizes the instruction tables once for the <paramref name="count"/> instructions about to be added (the builder counts them), rather than growing them.</summary>
    internal void Reserve(int count)
    {
        _instructions.Capacity = count;
        _states.EnsureCapacity(count);
    }

    /// <summary>The stage's instructions and, after them, its ONBUILD triggers.</summary>
    public ItemList<InstructionSyntax> InstructionsWithTriggers =>
        _withTriggers ??= OnbuildTriggers.Count == 0 ? _instructions.ToArray() : [.. _instructions, .. OnbuildTriggers];

    /// <summary>Every <c>COPY --from</c> and <c>RUN --mount from=</c> of this stage.</summary>
    public ItemList<StageReference> References => _references;

    /// <summary>Stages this one needs: its base stage and the stages it copies or mounts from.</summary>
    public ItemList<Stage> Dependencies => _dependencies;

    /// <summary>The variables in effect after the stage's last instruction.</summary>
    public VariableScope FinalScope { get; internal set; } = VariableScope.Empty;

    /// <summary>The variables an instruction of this stage sees (those declared before it).</summary>
    public VariableScope ScopeAt(InstructionSyntax instruction) =>
        _states.TryGetValue(instruction, out var state) ? state.Scope : FinalScope;

    /// <summary>
    /// The shell that runs shell-form commands at an instruction: <c>["/bin/sh", "-c"]</c> unless SHELL (or a
    /// <c># hadolint shell=NAME</c> comment, which gives just <c>[NAME]</c>) changed it.
    /// </summary>
    public IReadOnlyList<string> ShellAt(InstructionSyntax instruction) =>
        _states.TryGetValue(instruction, out var state) ? state.Shell : IsWindows ? WindowsImages.DefaultShell : DefaultShell;

    public static IReadOnlyList<string> DefaultShell { get; } = ["/bin/sh", "-c"];

    /// <summary>
    /// The working directory an instruction runs in: the WORKDIRs before it in this stage and the stages it is built on,
    /// applied in order ("/" when there are none, as the Dockerfile cannot show a base image's own WORKDIR); null when
    /// one of them cannot be expanded. An instruction not in the stage (an ONBUILD trigger) sees the stage's final state.
    /// </summary>
    public string? WorkingDirectoryAt(InstructionSyntax instruction) => ConfigAt(instruction).WorkingDirectory;

    /// <summary>The USER in effect at an instruction (from this stage or a stage it is built on), or null when none was set.</summary>
    public UserInstructionSyntax? UserAt(InstructionSyntax instruction) => ConfigAt(instruction).User;

    /// <summary>The working directory and USER after the stage's last instruction.</summary>
    internal ImageConfigState FinalConfig { get; set; } = ImageConfigState.Initial;

    private ImageConfigState ConfigAt(InstructionSyntax instruction) =>
        _states.TryGetValue(instruction, out var state) ? state.Config : FinalConfig;

    internal void Add(InstructionSyntax instruction, VariableScope scope, IReadOnlyList<string> shell, ImageConfigState config)
    {
        _instructions.Add(instruction);
        _states[instruction] = (scope, shell, config);
    }

    internal void AddReference(StageReference reference) => _references.Add(reference);

    internal void AddDependency(Stage stage)
    {
        if (!_dependencies.Contains(stage))
            _dependencies.Add(stage);
    }

    public override string ToString() => $"stage {DisplayName}";

    /// <summary>BuildKit's rule for a stage name, <c>^[a-z][a-z0-9-_.]*$</c> (matched by hand, see TextPatterns).</summary>
    internal static bool IsValidName(string name)
    {
        var text = TextPatterns.BeforeEnd(name);
        return text.Length > 0 && char.IsAsciiLetterLower(text[0]) && !text[1..].ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-_.");
    }
}
