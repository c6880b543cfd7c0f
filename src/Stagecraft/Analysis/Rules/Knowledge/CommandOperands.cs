using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// The operands of a command (subcommand, package names, paths) once its options are set aside, for programs whose
/// options that take a separate value are known: the shell reader alone cannot tell <c>-t bookworm curl</c> apart.
/// </summary>
internal static class CommandOperands
{
    /// <summary>
    /// The words after the name (or from <paramref name="start"/>, for commands run through another such as
    /// <c>python -m pip</c>) that are not options, in order. The word after an option listed in
    /// <paramref name="valueOptions"/> is its value and is skipped (not when written <c>--opt=value</c>); every word after
    /// <c>--</c> is an operand.
    /// </summary>
    public static List<ShellWord> Of(ShellCommand command, ReadOnlySpan<string> valueOptions, int start = 1)
    {
        var words = command.Words;
        var operands = new List<ShellWord>(words.Count);
        for (var i = start; i < words.Count; i++)
        {
            var value = words[i].Value;
            if (value == "--")
            {
                for (i++; i < words.Count; i++)
                    operands.Add(words[i]);
                break;
            }
            if (value.Length < 2 || value[0] != '-')
            {
                operands.Add(words[i]);
                continue;
            }
            foreach (var option in valueOptions)
            {
                if (value == option)
                {
                    i++;
                    break;
                }
            }
        }
        return operands;
    }

}
