using System.Text;

namespace Stagecraft.Syntax;

/// <summary>Writes a tree in the text form of BuildKit's low-level AST dump (its parser tests' <c>result</c> files).</summary>
public static class BuildKitDump
{
    public static string Write(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var instruction in tree.Root.Instructions)
            builder.Append('(').Append(Node(instruction)).Append(")\n");
        return builder.ToString().Trim() + "\n";
    }

    private static string Node(InstructionSyntax instruction)
    {
        var builder = new StringBuilder(instruction.Keyword.ToLowerInvariant());
        if (instruction.Flags.Count > 0)
        {
            builder.Append(" [");
            for (var i = 0; i < instruction.Flags.Count; i++)
            {
                if (i > 0)
                    builder.Append(' ');
                builder.Append(GoText.Quote(instruction.Flags[i].DumpText));
            }
            builder.Append(']');
        }
        switch (instruction)
        {
            case OnbuildInstructionSyntax { Trigger: { } trigger }:
                builder.Append(" (").Append(Node(trigger)).Append(')');
                break;
            case UnknownInstructionSyntax:
                builder.Append(" \"\"");
                break;
            default:
                foreach (var argument in instruction.Arguments)
                    builder.Append(' ').Append(GoText.Quote(argument.Value));
                break;
        }
        return builder.ToString().Trim();
    }
}
