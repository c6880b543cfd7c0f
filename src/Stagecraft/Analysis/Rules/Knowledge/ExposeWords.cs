using Stagecraft.Semantics;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>The port words of one EXPOSE argument after expansion, as BuildKit reads them (a variable may hold several ports).</summary>
internal static class ExposeWords
{
    /// <summary>An ONBUILD trigger expands in a later build, so its words are taken as written.</summary>
    public static IReadOnlyList<string> Of(SemanticModel model, ExposeInstructionSyntax expose, ArgumentSyntax port, bool triggered)
    {
        if (triggered || !port.Value.Contains('$'))
            return [port.Value];
        var result = WordExpander.ExpandWords(port.Value, model.ScopeAt(expose), SemanticModel.ExpansionOptionsFor(model.Tree));
        return result.Succeeded ? result.Words : [port.Value];
    }
}
