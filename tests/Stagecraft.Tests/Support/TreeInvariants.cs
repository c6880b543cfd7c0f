using Stagecraft.Syntax;

namespace Stagecraft.Tests.Support;

/// <summary>Structural checks every tree must pass: tokens tile the file, nodes tile the file, children sit inside parents.</summary>
internal static class TreeInvariants
{
    /// <summary>Returns a description of the first broken invariant, or null.</summary>
    public static string? Check(SyntaxTree tree)
    {
        var position = 0;
        foreach (var token in tree.Tokens)
        {
            if (token.Span.Start != position)
                return $"token {token.Kind} at {token.Span} leaves a gap or overlap at {position}";
            if (token.Span.Length == 0)
                return $"empty token {token.Kind} at {token.Span.Start}";
            position = token.Span.End;
        }
        if (position != tree.Source.Length)
            return $"tokens end at {position} of {tree.Source.Length}";

        position = 0;
        foreach (var node in tree.Root.Children)
        {
            if (node.Span.Start != position)
                return $"node {node.GetType().Name} at {node.Span} does not follow {position}";
            position = node.Span.End;
            if (node is InstructionSyntax instruction && CheckInstruction(instruction) is { } problem)
                return problem;
        }
        if (position != tree.Source.Length)
            return $"nodes end at {position} of {tree.Source.Length}";
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.Span.Start < 0 || diagnostic.Span.End > tree.Source.Length)
                return $"diagnostic {diagnostic.Code} outside the file: {diagnostic.Span}";
        }
        return null;
    }

    private static string? CheckInstruction(InstructionSyntax instruction)
    {
        var inner = new List<(string What, TextSpan Span)> { ("keyword", instruction.KeywordSpan), ("arguments", instruction.ArgumentsSpan) };
        inner.AddRange(instruction.Flags.Select(f => ("flag", f.Span)));
        inner.AddRange(instruction.Arguments.Select(a => ("argument", a.Span)));
        foreach (var heredoc in instruction.Heredocs)
        {
            inner.Add(("heredoc marker", heredoc.MarkerSpan));
            inner.Add(("heredoc body", heredoc.BodySpan));
            inner.Add(("heredoc terminator", heredoc.TerminatorSpan));
        }
        foreach (var (what, span) in inner)
        {
            if (!instruction.Span.Contains(span))
                return $"{what} {span} lies outside its instruction {instruction.Span} (line {instruction.StartLine})";
        }
        if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger })
            return CheckInstruction(trigger);
        return null;
    }
}
