using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// STG109: a <c>$VAR</c> that BuildKit expands itself (COPY, ENV, WORKDIR, …) when no ARG or ENV defines it before that
/// line; BuildKit's UndefinedVar, and hadolint's DL3044 for a name another pair of the same ENV sets. Words the shell
/// expands (RUN, CMD, ENTRYPOINT) are not checked.
/// </summary>
public sealed class UndefinedVariable : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG109", "undefined-variable",
        "Variable used where no ARG or ENV defines it", Severity.Warning, RuleCategory.Correctness, ["UndefinedVar", "DL3044"]);

    private static readonly string[] BuildKitOnly = ["UndefinedVar"];
    private static readonly string[] BothChecks = ["UndefinedVar", "DL3044"];
    private static readonly string[] HadolintOnly = ["DL3044"];

    // A reference with a default or an alternative says what happens when the name is unset; BuildKit still reports it.
    private static readonly string[] HandlesUnset = ["-", ":-", "+", ":+", "?", ":?"];

    // BuildKit reads these ARGs itself; they never reach the environment.
    private static readonly string[] BuildKitSettings = ["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`$NAME` and `${NAME}` in the words BuildKit expands itself (COPY and ADD sources, destination, --chown, --chmod, --checksum, the bodies of their unquoted heredocs; ENV and LABEL keys and values; ARG defaults; WORKDIR, USER, VOLUME, STOPSIGNAL; RUN --mount options) when no ARG or ENV before that line defines NAME. Definitions count from the stage and from the stages it is built FROM (ENV, ARGs that have a value there, and what their ONBUILD triggers declare, as BuildKit runs those triggers first); `PATH` is always defined on Linux. Not checked: RUN, CMD and ENTRYPOINT commands, where the shell expands variables (so names the script itself sets are fine), FROM lines (STG107), and ONBUILD triggers, which run in another build. `${NAME:-default}` and the other forms that handle an unset name are left alone, unlike BuildKit's `UndefinedVar`. The base image's own ENV cannot be seen without its metadata: in a stage built on an image, a name this file never defines is reported as information (it may come from the image), while a misspelling of a defined name, an ARG declared only before the first FROM, and a built-in argument such as TARGETARCH used without `ARG TARGETARCH` are warnings. These findings answer to `UndefinedVar`. A value of an ENV that reads a name another pair of the same ENV sets (`ENV HOME=/app CACHE=$HOME/.cache`), with no ARG or ENV declaring it before, is an error that also answers to hadolint's DL3044 (an error there); with `${NAME:-default}`, or for `PATH`, it answers to DL3044 alone. A value that reads its own name (`ENV PATH=/opt/bin:$PATH`) is the usual way to extend it and is no DL3044 finding.",
        WhyItMatters: "An undefined variable expands to an empty string without any error: `COPY bin/$TARGETARCH/app /app` copies `bin//app`, `ENV PATH=$PAHT:/opt/bin` throws PATH away, and `WORKDIR $HOME/app` is `/app` when the base image sets no HOME. The most common cause is an ARG declared before the first FROM: FROM lines see it, the stage does not until it says `ARG NAME` again.",
        Bad: "ARG VERSION=1.4.2\nFROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool-1.4.2.tgz\nENV TOOL_VERSION=$VERSION",
        Good: "ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nRUN wget -O /tmp/tool.tgz https://example.com/tool-$VERSION.tgz\nENV TOOL_VERSION=$VERSION",
        FixSafety: "No automatic fix: whether to declare the name, fix its spelling or quote a heredoc marker is for the author to decide.");

    public override void Check(RuleContext context)
    {
        var options = SemanticModel.ExpansionOptionsFor(context.Tree);
        CheckGlobalArgs(context, options);
        // Reused per instruction: this runs over every instruction of every file. The sets are made when first needed.
        var words = new List<ExpandedWord>();
        HashSet<string>? reported = null, reportedSameEnv = null, declaredHere = null;
        foreach (var stage in context.Model.Stages)
        {
            // Read only when a name is not declared, which most files never reach.
            HashSet<string>? fromTriggers = null;
            foreach (var instruction in stage.Instructions)
            {
                ExpandedWords.Collect(instruction, options, words);
                if (words.Count == 0)
                    continue;
                var scope = stage.ScopeAt(instruction);
                reported?.Clear();
                reportedSameEnv?.Clear();
                declaredHere?.Clear();
                foreach (var (word, wordOptions, heredoc, declares) in words)
                {
                    var references = word.References(wordOptions);
                    for (var r = 0; r < references.Count; r++)
                    {
                        var reference = references[r];
                        var name = reference.Name;
                        if (scope.IsDeclared(name) || declaredHere?.Contains(name) == true
                            || (fromTriggers ??= StageChain.NamesFromBaseTriggers(stage)).Contains(name))
                            continue;
                        // DL3044 reads the old value wherever it comes from; UndefinedVar keeps its exceptions.
                        var undefinedVar = !HandlesUnset.Contains(reference.Modifier) && !(name == "PATH" && !stage.IsWindows) && !BuildKitSettings.Contains(name);
                        if (SameEnvReads.SetByAnotherPair(instruction, word, name))
                        {
                            if ((reportedSameEnv ??= new(StringComparer.Ordinal)).Add(name))
                                context.Report(word.Locate(context.Tree, reference),
                                    $"`${name}` is set by this same ENV, but BuildKit expands all of an ENV's values before it sets any, so here it still has its value from before: set `{name}` in an ENV of its own above",
                                    stage, severity: Severity.Error, aliases: undefinedVar ? BothChecks : HadolintOnly);
                            continue;
                        }
                        if (!undefinedVar || !(reported ??= new(StringComparer.Ordinal)).Add(name))
                            continue;
                        var (severity, message) = heredoc
                            ? (Severity.Warning, $"`${name}` in this heredoc is expanded by BuildKit when it writes the file, and nothing defines it, so it becomes an empty string: quote the marker (<<'EOF') to leave it for the script")
                            : Describe(context, StageChain.Of(stage).Root, scope, name);
                        context.Report(word.Locate(context.Tree, reference), message, stage, severity: severity, aliases: BuildKitOnly);
                    }
                    if (declares is not null)
                        (declaredHere ??= new(StringComparer.Ordinal)).Add(declares);
                }
            }
        }
    }

    private static (Severity, string) Describe(RuleContext context, Stage root, VariableScope scope, string name)
    {
        // $1, $@, $$ …: shell parameters that no ARG, ENV or base image can set.
        if (!char.IsLetter(name[0]) && name[0] != '_')
            return (Severity.Warning, $"`${name}` is a shell parameter, which BuildKit expands here to an empty string: write `\\${name}` for the text itself");
        switch (context.Model.GlobalScope.Find(name))
        {
            case { Origin: VariableOrigin.Arg }:
                return (Severity.Warning, $"`${name}` is declared before the first FROM, where only FROM lines see it: add `ARG {name}` to this stage to use it here");
            case { Origin: VariableOrigin.BuiltIn }:
                return (Severity.Warning, $"`${name}` is a built-in argument, which a stage sees only after `ARG {name}`: add that line to this stage");
        }
        // Short names are too close to everything to suggest a correction for.
        var candidates = scope.All().Select(v => v.Name).Append("PATH").Where(n => n != name);
        if (name.Length >= 3 && Spelling.Closest(name, candidates) is { } suggestion)
            return (Severity.Warning, $"`${name}` is not defined here, so it expands to an empty string (did you mean `${suggestion}`?)");
        if (root.Base.Kind == StageBaseKind.Scratch)
            return (Severity.Warning, $"`${name}` is not defined by any ARG or ENV before this line, so it expands to an empty string");
        return (Severity.Info, $"`${name}` is not defined in this Dockerfile: it expands to an empty string unless base image `{root.Base.Reference}` sets it");
    }

    /// <summary>ARGs before the first FROM: a default can use built-in arguments and the ARGs declared before it.</summary>
    private static void CheckGlobalArgs(RuleContext context, ExpansionOptions options)
    {
        if (context.Model.GlobalArgs.Count == 0)
            return;
        var declared = new HashSet<string>(context.Model.GlobalScope.All().Where(v => v.Origin == VariableOrigin.BuiltIn).Select(v => v.Name), StringComparer.Ordinal);
        foreach (var arg in context.Model.GlobalArgs)
        {
            foreach (var declaration in arg.Declarations)
            {
                if (ExpandedWords.DefaultOf(declaration) is { } word)
                {
                    foreach (var reference in word.References(options))
                    {
                        if (!HandlesUnset.Contains(reference.Modifier) && !declared.Contains(reference.Name))
                            context.Report(word.Locate(context.Tree, reference),
                                $"`${reference.Name}` is not declared by an ARG above this one, so this default expands it to an empty string", aliases: BuildKitOnly);
                    }
                }
                declared.Add(declaration.Name);
            }
        }
    }
}
