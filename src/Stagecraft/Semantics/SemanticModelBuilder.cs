using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>Walks the instructions once, as BuildKit dispatches them, to build stages, scopes and stage references.</summary>
internal sealed class SemanticModelBuilder
{
    private readonly SyntaxTree _tree;
    private readonly BuildSettings _settings;
    private readonly ExpansionOptions _options;
    private readonly List<SyntaxDiagnostic> _diagnostics = [];
    private readonly List<Stage> _stages = [];
    private readonly Dictionary<Stage, IReadOnlyList<string>> _finalShells = [];
    private readonly Dictionary<string, string?> _metaValues = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _builtIns;
    private readonly string _targetStage;
    private readonly List<(Stage Stage, InstructionSyntax Instruction, string Value, TextSpan Span)> _pendingReferences = [];
    private IReadOnlyList<string>? _pragmaShell;

    private SemanticModelBuilder(SyntaxTree tree, BuildSettings settings)
    {
        _tree = tree;
        _settings = settings;
        _options = SemanticModel.ExpansionOptionsFor(tree);
        _builtIns = PlatformArgs(settings).Values;
        _targetStage = settings.Target ?? LastStageName(tree) ?? "default";
    }

    public static SemanticModel Build(SyntaxTree tree, BuildSettings settings) => new SemanticModelBuilder(tree, settings).Run();

    private SemanticModel Run()
    {
        var global = PlatformArgs(_settings).Scope.With(new Variable(TargetStage, _targetStage, VariableOrigin.BuiltIn, null));
        var globalArgs = new List<ArgInstructionSyntax>();

        Stage? current = null;
        var scope = VariableScope.Empty;
        IReadOnlyList<string> shell = Stage.DefaultShell;
        var config = ImageConfigState.Initial;
        var children = _tree.Root.Children;
        for (var index = 0; index < children.Count; index++)
        {
            var node = children[index];
            if (node is CommentSyntax comment)
            {
                // '# hadolint shell=powershell': before the first FROM it is every stage's shell, after it the stage's from here on.
                if (CommentPragma.Parse(comment) is { Kind: PragmaKind.Shell, Shell: { } named })
                {
                    if (current is null)
                        _pragmaShell = [named];
                    else
                        shell = [named];
                }
                continue;
            }
            if (node is not InstructionSyntax instruction)
                continue;
            if (instruction is FromInstructionSyntax from)
            {
                if (current is not null)
                    Finish(current, scope, shell, config);
                current = StartStage(from, global);
                current.Reserve(CountStageInstructions(children, index + 1));
                (scope, shell) = InitialState(current);
                config = current.Base.Stage?.FinalConfig ?? ImageConfigState.Initial;
                continue;
            }
            if (current is null)
            {
                if (instruction is ArgInstructionSyntax arg)
                {
                    globalArgs.Add(arg);
                    global = DeclareGlobal(arg, global);
                }
                else
                {
                    _diagnostics.Add(new SyntaxDiagnostic(SyntaxDiagnostic.InstructionBeforeFrom, DiagnosticSeverity.Error,
                        $"{instruction.Keyword.ToUpperInvariant()} cannot come before the first FROM: only ARG may", instruction.KeywordSpan));
                }
                continue;
            }

            current.Add(instruction, scope, shell, config);
            switch (instruction)
            {
                case WorkdirInstructionSyntax workdir:
                    config = config with { WorkingDirectory = WorkingDirectory(config.WorkingDirectory, workdir, scope) };
                    break;
                case UserInstructionSyntax user:
                    config = config with { User = user };
                    break;
                case ArgInstructionSyntax arg:
                    scope = Declare(arg, scope);
                    break;
                case EnvInstructionSyntax env:
                    scope = SetEnv(env, scope);
                    break;
                case ShellInstructionSyntax { IsJsonForm: true } shellInstruction when shellInstruction.ExecForm.Count > 0:
                    shell = shellInstruction.ExecForm.Select(a => a.Value).ToArray();
                    break;
                case CopyInstructionSyntax { From: { } fromFlag } copy:
                    _pendingReferences.Add((current, copy, Expand(fromFlag.Value ?? "", scope), fromFlag.ValueSpan));
                    break;
                case RunInstructionSyntax run:
                    foreach (var mount in run.Mounts)
                    {
                        if (mount.From is { } mountFrom)
                            _pendingReferences.Add((current, run, Expand(mountFrom, scope), mount.Flag.ValueSpan));
                    }
                    break;
            }
        }
        if (current is not null)
            Finish(current, scope, shell, config);

        ResolveReferences();
        CheckCycles();
        _diagnostics.SortInPlace((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new SemanticModel(_tree, _settings, _stages, globalArgs, global, _diagnostics);
    }

    /// <summary>How many instructions follow <paramref name="start"/> up to the next FROM: the stage's size.</summary>
    private static int CountStageInstructions(IReadOnlyList<SyntaxNode> children, int start)
    {
        var count = 0;
        for (var i = start; i < children.Count && children[i] is not FromInstructionSyntax; i++)
        {
            if (children[i] is InstructionSyntax)
                count++;
        }
        return count;
    }

    private Stage StartStage(FromInstructionSyntax from, VariableScope global)
    {
        var name = from.StageName?.Value.ToLowerInvariant();
        if (name is not null && from.StageName is { } nameSyntax)
        {
            // A repeated name is no error for BuildKit (the last stage of that name wins); rule STG103 reports it.
            if (!Stage.IsValidName(name))
                Report(nameSyntax.Span, $"invalid name for build stage: \"{nameSyntax.Value}\", name can't start with a number or contain symbols");
        }
        var stage = new Stage(_stages.Count, name, from);
        var reference = Expand(from.Image?.Value ?? "", global);
        var lower = reference.ToLowerInvariant();
        // BuildKit looks the name up among the stages so far (the latest of a repeated name wins), even for "scratch".
        var baseStage = LastStageNamed(lower);
        stage.Base = baseStage is not null ? new StageBase(StageBaseKind.Stage, reference, baseStage)
            : lower == "scratch" ? new StageBase(StageBaseKind.Scratch, reference, null)
            : new StageBase(StageBaseKind.Image, reference, null);
        if (baseStage is not null)
            stage.AddDependency(baseStage);
        if (from.Platform is { Value: { } platform })
            stage.Platform = Expand(platform, global);
        stage.IsWindows = baseStage?.IsWindows ?? (stage.Base.Kind == StageBaseKind.Image && WindowsImages.IsWindowsReference(reference, stage.Platform));
        _stages.Add(stage);
        return stage;
    }

    /// <summary>
    /// A stage built on another inherits its ENV and SHELL (image config) and, in BuildKit, the ARGs that have a value
    /// there (they live in the build state the child starts from); an ARG declared without a value does not carry over.
    /// </summary>
    private (VariableScope Scope, IReadOnlyList<string> Shell) InitialState(Stage stage)
    {
        if (stage.Base.Stage is not { } parent)
            return (VariableScope.Empty, _pragmaShell ?? (stage.IsWindows ? WindowsImages.DefaultShell : Stage.DefaultShell));
        var scope = VariableScope.Empty;
        foreach (var variable in parent.FinalScope.All().Where(v => v.Origin == VariableOrigin.Env || v.Value is not null))
            scope = scope.With(variable);
        return (scope, _finalShells.GetValueOrDefault(parent, Stage.DefaultShell));
    }

    private void Finish(Stage stage, VariableScope scope, IReadOnlyList<string> shell, ImageConfigState config)
    {
        stage.FinalScope = scope;
        stage.FinalConfig = config;
        _finalShells[stage] = shell;
    }

    private VariableScope DeclareGlobal(ArgInstructionSyntax arg, VariableScope global)
    {
        foreach (var declaration in arg.Declarations)
        {
            // Without a value, a meta ARG keeps what the name already had (a built-in such as TARGETARCH, or an earlier ARG).
            var value = _settings.BuildArgs.TryGetValue(declaration.Name, out var given) ? given
                : declaration.DefaultValue is { } defaultValue ? Expand(defaultValue, global) : global.Find(declaration.Name)?.Value;
            _metaValues[declaration.Name] = value;
            global = global.With(new Variable(declaration.Name, value, VariableOrigin.Arg, arg));
        }
        return global;
    }

    /// <summary>ARG in a stage: a --build-arg wins, then the default; without one, a meta ARG's or built-in's value carries in, else the value it already had.</summary>
    private VariableScope Declare(ArgInstructionSyntax arg, VariableScope scope)
    {
        foreach (var declaration in arg.Declarations)
        {
            string? value;
            if (_settings.BuildArgs.TryGetValue(declaration.Name, out var given))
                value = given;
            else if (declaration.DefaultValue is { } defaultValue)
                value = Expand(defaultValue, scope);
            else if (_metaValues.TryGetValue(declaration.Name, out var meta))
                value = meta;
            else if (_builtIns.TryGetValue(declaration.Name, out var builtIn))
                value = builtIn;
            else if (declaration.Name == TargetStage)
                value = _targetStage;
            else
                value = scope.Find(declaration.Name) is { Origin: VariableOrigin.Arg } earlier ? earlier.Value : null; // BuildKit keeps a value it already has
            scope = scope.With(new Variable(declaration.Name, value, VariableOrigin.Arg, arg));
        }
        return scope;
    }

    /// <summary>All pairs of one ENV are expanded against the scope before it, as BuildKit does.</summary>
    private VariableScope SetEnv(EnvInstructionSyntax env, VariableScope scope)
    {
        var before = scope;
        foreach (var pair in env.Pairs)
        {
            var key = pair.IsLegacyForm ? pair.Key : Expand(pair.Key, before);
            scope = scope.With(new Variable(key, Expand(pair.Value, before), VariableOrigin.Env, env));
        }
        return scope;
    }

    /// <summary>Once a WORKDIR cannot be expanded, every later relative path is unknown too.</summary>
    private string? WorkingDirectory(string? current, WorkdirInstructionSyntax workdir, VariableScope scope)
    {
        if (current is null || workdir.Value is null)
            return null;
        var expanded = WordExpander.ExpandWord(workdir.Value.Value, scope, _options);
        return expanded.Succeeded && !expanded.Value.Contains('$') ? ContainerPath.Resolve(current, expanded.Value) : null;
    }

    private string Expand(string word, IVariableLookup scope)
    {
        var result = WordExpander.ExpandWord(word, scope, _options);
        return result.Succeeded ? result.Value : word;
    }

    private void ResolveReferences()
    {
        foreach (var (stage, instruction, value, span) in _pendingReferences)
        {
            var lower = value.ToLowerInvariant();
            var named = LastStageNamed(lower);
            StageReference reference;
            if (named is not null)
                reference = new StageReference(instruction, StageReferenceKind.StageName, value, span, named);
            else if (value.Length > 0 && value.All(char.IsAsciiDigit))
            {
                var index = int.TryParse(value, out var parsed) ? parsed : int.MaxValue;
                var byIndex = index < _stages.Count ? _stages[index] : null;
                if (byIndex is null)
                    Report(span, $"--from={value} names no stage: this file has {_stages.Count} stage(s), numbered from 0");
                reference = new StageReference(instruction, StageReferenceKind.StageIndex, value, span, byIndex);
            }
            else
            {
                reference = new StageReference(instruction, StageReferenceKind.Image, value, span, null);
            }
            stage.AddReference(reference);
            if (reference.Stage is { } target)
            {
                if (ReferenceEquals(target, stage))
                    Report(span, $"stage {stage.DisplayName} copies from itself");
                else
                    stage.AddDependency(target);
            }
        }
    }

    private void CheckCycles()
    {
        var state = new Dictionary<Stage, int>();
        foreach (var stage in _stages)
            Visit(stage, state);
    }

    private bool Visit(Stage stage, Dictionary<Stage, int> state)
    {
        if (state.TryGetValue(stage, out var seen))
            return seen == 1;
        state[stage] = 1;
        foreach (var dependency in stage.Dependencies)
        {
            if (Visit(dependency, state))
            {
                Report(stage.From.KeywordSpan, $"circular dependency between stages: {stage.DisplayName} and {dependency.DisplayName} need each other");
                break;
            }
        }
        state[stage] = 2;
        return false;
    }

    /// <summary>The latest stage so far named <paramref name="lower"/>; a loop, as this runs for every FROM and reference.</summary>
    private Stage? LastStageNamed(string lower)
    {
        for (var i = _stages.Count - 1; i >= 0; i--)
        {
            if (_stages[i].Name is { } name && name == lower)
                return _stages[i];
        }
        return null;
    }

    private void Report(TextSpan span, string message) =>
        _diagnostics.Add(new SyntaxDiagnostic("invalid-build", DiagnosticSeverity.Error, message, span));

    private static string? LastStageName(SyntaxTree tree) =>
        tree.Root.Instructions.OfType<FromInstructionSyntax>().LastOrDefault()?.StageName?.Value.ToLowerInvariant() is { Length: > 0 } name ? name : null;

    private const string TargetStage = "TARGETSTAGE";

    private sealed record BuiltInArgs(IReadOnlyDictionary<string, string> Values, VariableScope Scope);

    // The same two platforms come with every file of a lint run: build their arguments once (TARGETSTAGE differs per file).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Platform Target, Platform Build), BuiltInArgs> PlatformArgsCache = new();

    /// <summary>The arguments BuildKit defines for every build: platforms (also usable in stages after <c>ARG NAME</c>); TARGETSTAGE is added per file.</summary>
    private static BuiltInArgs PlatformArgs(BuildSettings settings) =>
        PlatformArgsCache.GetOrAdd((settings.TargetPlatform, settings.BuildPlatform), static platforms =>
        {
            var args = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string prefix, Platform platform)
            {
                args[prefix + "PLATFORM"] = platform.ToString();
                args[prefix + "OS"] = platform.OS;
                args[prefix + "ARCH"] = platform.Architecture;
                args[prefix + "VARIANT"] = platform.Variant ?? "";
            }
            Add("TARGET", platforms.Target);
            Add("BUILD", platforms.Build);
            args["TARGETOSVERSION"] = "";
            args["BUILDOSVERSION"] = "";
            var scope = VariableScope.Empty;
            foreach (var (name, value) in args)
                scope = scope.With(new Variable(name, value, VariableOrigin.BuiltIn, null));
            return new BuiltInArgs(args, scope);
        });
}
