using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG107: a FROM line uses a variable that no ARG before the first FROM declares; BuildKit's UndefinedArgInFrom.</summary>
public sealed class UndefinedArgInFrom : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG107", "undefined-arg-in-from",
        "FROM uses a variable no global ARG declares", Severity.Warning, RuleCategory.Correctness, ["UndefinedArgInFrom"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A `$NAME` in the image or `--platform` of a FROM line when NAME is neither declared by an ARG before the first FROM nor one of BuildKit's built-in arguments (TARGETPLATFORM, BUILDARCH, TARGETSTAGE, …). A likely misspelling is named. Unlike BuildKit's `UndefinedArgInFrom`, a reference with a default (`${TAG:-3.20}`) is reported too: the default is then the only value it can ever have.",
        WhyItMatters: "FROM lines see only the ARGs declared before the first FROM. An undeclared name expands to an empty string (or its default), and `--build-arg NAME=…` is ignored for it, so `FROM node:${NODE_VERSION}` quietly becomes `FROM node:` and the build fails or pulls something else. An ARG written inside a stage does not help a later FROM.",
        Bad: "FROM node:${NODE_VERSION}-alpine\nRUN node --version",
        Good: "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\nRUN node --version",
        FixSafety: "No automatic fix: the declaration needs a sensible default.");

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var options = SemanticModel.ExpansionOptionsFor(context.Tree);
        foreach (var stage in model.Stages)
        {
            var from = stage.From;
            if (from.Image is { } image)
                Inspect(context, stage, WrittenWord.Of(image), options);
            if (from.Platform is { Value: { } platform } flag)
                Inspect(context, stage, new WrittenWord(platform, flag.ValueSpan), options);
        }
    }

    private static void Inspect(RuleContext context, Stage stage, WrittenWord word, ExpansionOptions options)
    {
        var global = context.Model.GlobalScope;
        foreach (var reference in word.References(options))
        {
            if (global.IsDeclared(reference.Name))
                continue;
            var message = $"FROM uses `${reference.Name}`, which no ARG before the first FROM declares, so it is empty and --build-arg cannot set it";
            if (DeclaredInAStage(context.Tree, reference.Name) is { } line)
                message += $": the `ARG {reference.Name}` on line {line} is inside a stage; declare it above the first FROM";
            else if (Spelling.Closest(reference.Name, global.All().Select(v => v.Name)) is { } suggestion && suggestion != reference.Name)
                message += $" (did you mean `{suggestion}`?)";
            else
                message += $": add `ARG {reference.Name}=…` above the first FROM";
            context.Report(word.Locate(context.Tree, reference), message, stage);
        }
    }

    private static int? DeclaredInAStage(SyntaxTree tree, string name)
    {
        var seenFrom = false;
        foreach (var instruction in tree.Root.Instructions)
        {
            seenFrom |= instruction is FromInstructionSyntax;
            if (seenFrom && instruction is ArgInstructionSyntax arg && arg.Declarations.Any(d => d.Name == name))
                return arg.StartLine;
        }
        return null;
    }
}
