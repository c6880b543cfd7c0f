using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>What a word of a RUN script will be when the shell runs it, as far as the Dockerfile tells.</summary>
internal static class ShellWordValues
{
    /// <summary>
    /// The word's value with ARG and ENV variables filled in from the instruction's scope; null when it depends on
    /// something the file does not settle (an ARG without a default, a variable the script sets, a command substitution).
    /// </summary>
    public static string? Resolve(SemanticModel model, InstructionSyntax at, ShellWord word)
    {
        if (!word.HasExpansion)
            return word.Value;
        if (word.HasCommandSubstitution)
            return null;
        var expanded = model.Expand(at, word.Raw);
        return expanded.Succeeded && expanded.Unmatched.Count == 0 ? expanded.Value : null;
    }
}
