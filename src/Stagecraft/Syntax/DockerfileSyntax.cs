namespace Stagecraft.Syntax;

/// <summary>The root of a parsed Dockerfile: its top-level nodes in file order, which tile the whole file.</summary>
public sealed class DockerfileSyntax : SyntaxNode
{
    internal DockerfileSyntax(TextSpan span, IReadOnlyList<SyntaxNode> children, byte escapeCharacter) : base(span)
    {
        Children = children;
        EscapeCharacter = (char)escapeCharacter;
        // Counted first so both lists are made at their exact size (a file has few directives and mostly instructions).
        int directiveCount = 0, instructionCount = 0;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is InstructionSyntax)
                instructionCount++;
            else if (children[i] is DirectiveSyntax)
                directiveCount++;
        }
        var directives = directiveCount == 0 ? [] : new DirectiveSyntax[directiveCount];
        var instructions = new List<InstructionSyntax>(instructionCount);
        for (int i = 0, d = 0; i < children.Count; i++)
        {
            if (children[i] is InstructionSyntax instruction)
                instructions.Add(instruction);
            else if (children[i] is DirectiveSyntax directive)
                directives[d++] = directive;
        }
        Directives = directives;
        Instructions = instructions;
    }

    public IReadOnlyList<SyntaxNode> Children { get; }

    public IReadOnlyList<DirectiveSyntax> Directives { get; }

    public IReadOnlyList<InstructionSyntax> Instructions { get; }

    /// <summary>The escape character in force after the directives: '\' or '`'.</summary>
    public char EscapeCharacter { get; }

    public DirectiveSyntax? GetDirective(string name) => Directives.FirstOrDefault(d => d.Name == name);
}
