using Stagecraft.Semantics.Expansion;
using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>
/// Which instructions BuildKit expands variables in, and their arguments after expansion. RUN, CMD, ENTRYPOINT, SHELL,
/// HEALTHCHECK and ONBUILD are left to the shell or to later builds; everything else is expanded by BuildKit itself.
/// </summary>
public static class ExpandedArguments
{
    public static bool IsExpandedByBuildKit(InstructionKind kind) => kind is InstructionKind.From or InstructionKind.Add
        or InstructionKind.Copy or InstructionKind.Env or InstructionKind.Label or InstructionKind.Expose or InstructionKind.StopSignal
        or InstructionKind.User or InstructionKind.Volume or InstructionKind.Workdir or InstructionKind.Arg;

    /// <summary>
    /// The instruction's argument values as BuildKit uses them (FROM against the meta ARGs; EXPOSE split into words),
    /// or null for instructions BuildKit does not expand. Failed expansions keep the text as written.
    /// </summary>
    public static IReadOnlyList<string>? Of(SemanticModel model, InstructionSyntax instruction)
    {
        if (!IsExpandedByBuildKit(instruction.Kind))
            return null;
        var scope = model.ScopeAt(instruction);
        var options = SemanticModel.ExpansionOptionsFor(model.Tree);
        string Word(string word) => WordExpander.ExpandWord(word, scope, options) is { Succeeded: true } r ? r.Value : word;
        switch (instruction)
        {
            case ExposeInstructionSyntax expose:
                return expose.Ports.SelectMany(p => WordExpander.ExpandWords(p.Value, scope, options) is { Succeeded: true } r ? r.Words : [p.Value]).ToArray();
            case KeyValueInstructionSyntax pairs:
                return pairs.Pairs.SelectMany(p => new[] { p.IsLegacyForm ? p.Key : Word(p.Key), Word(p.Value) }).ToArray();
            case ArgInstructionSyntax arg:
                return arg.Declarations.Select(d => d.DefaultValue is null ? d.Name : d.Name + "=" + Word(d.DefaultValue)).ToArray();
            case FromInstructionSyntax from:
                return from.Arguments.Select((a, i) => i == 0 ? Word(a.Value) : a.Value).ToArray();
            default:
                return instruction.Arguments.Select(a => Word(a.Value)).ToArray();
        }
    }
}
