namespace Stagecraft.Syntax;

/// <summary>The root of a parsed Dockerfile: its top-level nodes in file order, which tile the whole file.</summary>
public sealed class DockerfileSyntax : SyntaxNode
{
    internal DockerfileSyntax(TextSpan span, IReadOnlyList<SyntaxNode> children, byte escapeCharacter) : base(span)
    {
        Children = children;
        EscapeCharacter = (char)escapeCharacter;
        Directives = children.OfType<DirectiveSyntax>().ToArray();
        var instructions = new List<InstructionSyntax>(children.Count);
        foreach (var child in children)
        {
            if (child is InstructionSyntax instruction)
                instructions.Add(instruction);
        }
        Instructions = instructions;
    }

    public IReadOnlyList<SyntaxNode> Children { get; }

    public IReadOnlyList<DirectiveSyntax> Directives { get; }

    public IReadOnlyList<InstructionSyntax> Instructions { get; }

    /// <summary>The escape character in force after the directives: '\' or '`'.</summary>
    public char EscapeCharacter { get; }

    public DirectiveSyntax? GetDirective(string name) => Directives.FirstOrDefault(d => d.Name == name);
}
