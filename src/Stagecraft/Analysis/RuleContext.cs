using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>What a rule sees while it checks one Dockerfile, and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;
    private readonly string _path;

    internal RuleContext(SemanticModel model, string path, BuildContext buildContext, LintConfiguration configuration, List<Finding> findings)
    {
        Model = model;
        _path = path;
        BuildContext = buildContext;
        Configuration = configuration;
        _findings = findings;
        FinalStage = model.TargetStage;
        TargetStages = model.StagesNeededFor(model.Settings.Target);
        var chain = new List<Stage>();
        for (var stage = FinalStage; stage is not null && !chain.Contains(stage); stage = stage.Base.Stage)
            chain.Add(stage);
        ImageStages = chain;
    }

    public SemanticModel Model { get; }

    // Per-file caches filled by the knowledge helpers (see RunScripts).
    internal Rules.Knowledge.StageRun[]? RunsWithTriggers { get; set; }

    internal Rules.Knowledge.StageRun[]? RunsWithoutTriggers { get; set; }

    internal Dictionary<RunInstructionSyntax, Rules.Knowledge.RunPackages>? PackagesByRun { get; set; }

    public SyntaxTree Tree => Model.Tree;

    public BuildContext BuildContext { get; }

    public LintConfiguration Configuration { get; }

    /// <summary>The rule being run; set by the engine.</summary>
    public Rule Rule { get; internal set; } = null!;

    /// <summary>The stage the build produces (the target, or the last stage).</summary>
    public Stage? FinalStage { get; }

    /// <summary>Every stage the build runs, in file order; stages nothing needs are left out, as BuildKit skips them.</summary>
    public ItemList<Stage> TargetStages { get; }

    /// <summary>The stages whose layers end up in the image: the final stage and the stages it is built FROM, final first.</summary>
    public ItemList<Stage> ImageStages { get; }

    /// <summary>True when the file has more than one stage.</summary>
    public bool IsMultiStage => Model.Stages.Count > 1;

    /// <summary>The shell script of a RUN when it runs under a POSIX shell (null for exec form, Windows shells, other interpreters).</summary>
    public RunScript? Script(RunInstructionSyntax run) => Model.ScriptOf(run);

    /// <summary>A stage's instructions and, after them, its ONBUILD triggers (marked by <see cref="IsOnbuildTrigger"/>).</summary>
    public ItemList<InstructionSyntax> InstructionsWithTriggers(Stage stage) => stage.InstructionsWithTriggers;

    /// <summary>True for an instruction kept by ONBUILD: it runs in later builds, not in this one.</summary>
    public bool IsOnbuildTrigger(InstructionSyntax instruction) =>
        Model.StageOf(instruction) is { } stage && Array.IndexOf(stage.OnbuildTriggerArray, instruction) >= 0;

    /// <summary>Reports a finding of the current rule at an exact span.</summary>
    /// <param name="aliases">The rule's aliases that apply to this finding; null means all of them.</param>
    public void Report(TextSpan span, string message, Stage? stage = null, Fix? fix = null, Severity? severity = null, IReadOnlyList<string>? aliases = null)
    {
        var descriptor = Rule.Descriptor;
        _findings.Add(new Finding
        {
            Rule = descriptor,
            Path = _path,
            Span = span,
            Range = Tree.GetRange(span),
            Severity = severity ?? descriptor.DefaultSeverity,
            Message = message,
            Aliases = aliases ?? descriptor.Aliases,
            Stage = stage?.DisplayName ?? (FindInstructionAt(span.Start) is { } at && Model.StageOf(at) is { } found ? found.DisplayName : null),
            Fix = fix,
        });
    }

    private InstructionSyntax? FindInstructionAt(int offset) => Tree.Root.Instructions.FirstOrDefault(i => i.Span.Contains(offset));
}
