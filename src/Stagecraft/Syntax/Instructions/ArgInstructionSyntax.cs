namespace Stagecraft.Syntax;

/// <summary>One name declared by ARG, with its default value as written (quotes kept) when it has one.</summary>
public sealed record ArgDeclarationSyntax(string Name, string? DefaultValue, TextSpan NameSpan, TextSpan Span);

/// <summary><c>ARG name[=default] …</c>.</summary>
public sealed class ArgInstructionSyntax : InstructionSyntax
{
    internal ArgInstructionSyntax(InstructionParts parts) : base(parts)
    {
        var declarations = new List<ArgDeclarationSyntax>();
        foreach (var argument in Arguments)
        {
            var equals = argument.Value.IndexOf('=');
            var name = equals < 0 ? argument.Value : argument.Value[..equals];
            var nameBytes = System.Text.Encoding.UTF8.GetByteCount(name);
            var nameSpan = new TextSpan(argument.Span.Start, Math.Min(nameBytes, argument.Span.Length));
            declarations.Add(new ArgDeclarationSyntax(name, equals < 0 ? null : argument.Value[(equals + 1)..], nameSpan, argument.Span));
        }
        Declarations = declarations;
    }

    public IReadOnlyList<ArgDeclarationSyntax> Declarations { get; }
}
