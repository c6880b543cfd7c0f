using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>One port word of an EXPOSE as BuildKit reads it, and whether it is written literally (so a fix may rewrite it).</summary>
internal readonly record struct ExposedWord(Stage Stage, ExposeInstructionSyntax Expose, ArgumentSyntax Port, string Word, bool IsWrittenAsIs);

/// <summary>The port words of one EXPOSE argument after expansion, as BuildKit reads them (a variable may hold several ports).</summary>
internal static class ExposeWords
{
    /// <summary>Every EXPOSE port word of every stage, ONBUILD triggers included, in file order.</summary>
    public static IEnumerable<ExposedWord> All(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not ExposeInstructionSyntax expose)
                    continue;
                var triggered = context.IsOnbuildTrigger(expose);
                foreach (var port in expose.Ports)
                {
                    foreach (var word in Of(context.Model, expose, port, triggered))
                        yield return new ExposedWord(stage, expose, port, word, word == port.Value && context.Tree.GetText(port.Span) == port.Value);
                }
            }
        }
    }

    /// <summary>An ONBUILD trigger expands in a later build, so its words are taken as written.</summary>
    public static IReadOnlyList<string> Of(SemanticModel model, ExposeInstructionSyntax expose, ArgumentSyntax port, bool triggered)
    {
        if (triggered || !port.Value.Contains('$'))
            return [port.Value];
        var result = WordExpander.ExpandWords(port.Value, model.ScopeAt(expose), SemanticModel.ExpansionOptionsFor(model.Tree));
        return result.Succeeded ? result.Words : [port.Value];
    }
}
