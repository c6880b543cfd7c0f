using System.Text;

namespace Stagecraft.Semantics.Expansion;

/// <summary>
/// BuildKit hands the <c>${v//p/r}</c> replacement to Go's regexp template expansion, so a <c>$</c> that reaches it
/// (from a variable's value, or <c>\$</c>) is special there: <c>$$</c> is <c>$</c>, <c>$0</c> / <c>${0}</c> the match,
/// any other name nothing (the generated expression has no groups), and a malformed reference stays literal.
/// </summary>
internal static class RegexReplacement
{
    public static void AppendExpanded(StringBuilder result, string template, string match)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
                break;
            result.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }
            if (!TryReadName(template, i, out var name, out var after))
            {
                result.Append('$');
                continue;
            }
            i = after;
            if (name == "0")
                result.Append(match);
        }
        result.Append(template, i, template.Length - i);
    }

    private static bool TryReadName(string template, int start, out string name, out int after)
    {
        var braced = start < template.Length && template[start] == '{';
        var i = braced ? start + 1 : start;
        var nameStart = i;
        while (i < template.Length)
        {
            var c = Lexing.CodePointAt(template, i, out var width);
            if (!Lexing.IsNameChar(c))
                break;
            i += width;
        }
        name = template[nameStart..i];
        after = i;
        if (name.Length == 0)
            return false;
        if (braced)
        {
            if (i >= template.Length || template[i] != '}')
                return false;
            after = i + 1;
        }
        return true;
    }
}
