using System.Text;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Changes a FROM image that comes from a global ARG by editing the ARG's default (<c>ARG NODE=20</c> with
/// <c>FROM node:${NODE}-slim</c>), since the FROM line itself holds only the variable. Only the plain case is
/// rewritten: one variable in the image word, a literal unquoted default, and an ARG that no stage declares again
/// (a stage that reads it would see the new value too) and that every FROM using it wants changed the same way.
/// </summary>
internal static class ArgDefaultEdits
{
    /// <summary>
    /// The edit of the ARG default that turns <paramref name="written"/> (expanding to <paramref name="expanded"/>) into
    /// <paramref name="wanted"/>, or null when that is not a plain change of the default.
    /// </summary>
    /// <param name="others">Says, for another FROM using the same ARG (and the ARG's name), which default it wants (null: none).</param>
    public static TextEdit? Rewrite(SemanticModel model, string written, string expanded, string wanted, Func<FromInstructionSyntax, string, string?> others)
    {
        if (Split(written) is not (var prefix, var name, var suffix) || FindDefault(model, name) is not { } declaration)
            return null;
        expanded = expanded.Trim();
        if (!expanded.StartsWith(prefix, StringComparison.Ordinal) || !expanded.EndsWith(suffix, StringComparison.Ordinal)
            || !wanted.StartsWith(prefix, StringComparison.Ordinal) || !wanted.EndsWith(suffix, StringComparison.Ordinal)
            || expanded.Length < prefix.Length + suffix.Length || wanted.Length <= prefix.Length + suffix.Length)
            return null;
        var current = expanded[prefix.Length..^suffix.Length];
        var value = wanted[prefix.Length..^suffix.Length];
        var bytes = Encoding.UTF8.GetByteCount(current);
        if (declaration.DefaultValue != current || bytes > declaration.Span.Length)
            return null;
        var span = TextSpan.FromBounds(declaration.Span.End - bytes, declaration.Span.End);
        if (model.Tree.Source.GetText(span) != current || value.AsSpan().IndexOfAny(" \t\"'$\\") >= 0)
            return null;
        // Every FROM using the ARG must end up with the same default; a stage that declares it again reads it.
        foreach (var stage in model.Stages)
        {
            if (stage.Instructions.OfType<ArgInstructionSyntax>().Any(a => a.Declarations.Any(d => d.Name == name)))
                return null;
            if (stage.From.Image is { } image && image.Value != written && Split(image.Value) is (_, var other, _) && other == name
                && others(stage.From, name) != value)
                return null;
        }
        return new TextEdit(span, value);
    }

    /// <summary>A word with exactly one variable (<c>$NAME</c> or <c>${NAME}</c>, no modifiers): the text around it and its name.</summary>
    public static (string Prefix, string Name, string Suffix)? Split(string word)
    {
        var dollar = word.IndexOf('$');
        if (dollar < 0 || word.IndexOf('$', dollar + 1) >= 0 || word.AsSpan().IndexOfAny("\"'\\") >= 0)
            return null;
        var braced = dollar + 1 < word.Length && word[dollar + 1] == '{';
        var start = dollar + (braced ? 2 : 1);
        var end = start;
        while (end < word.Length && (word[end] == '_' || char.IsAsciiLetterOrDigit(word[end])))
            end++;
        if (end == start || char.IsAsciiDigit(word[start]))
            return null;
        if (braced)
        {
            if (end >= word.Length || word[end] != '}')
                return null;
            return (word[..dollar], word[start..end], word[(end + 1)..]);
        }
        return (word[..dollar], word[start..end], word[end..]);
    }

    private static ArgDeclarationSyntax? FindDefault(SemanticModel model, string name) =>
        model.GlobalArgs.SelectMany(a => a.Declarations).LastOrDefault(d => d.Name == name) is { DefaultValue: not null } declaration ? declaration : null;
}
