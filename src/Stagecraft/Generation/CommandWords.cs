using System.Text;

namespace Stagecraft.Generation;

/// <summary>Splits a simple command line (<c>node dist/server.js --port 3000</c>) into exec-form words.</summary>
public static class CommandWords
{
    /// <summary>
    /// The words of <paramref name="command"/>, with single and double quotes grouping and removed; null when it needs a
    /// shell (operators, redirections, substitutions, variables) or is empty.
    /// </summary>
    public static IReadOnlyList<string>? Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else if (quote == '"' && c is '$' or '`' or '\\')
                    return null;
                else
                    word.Append(c);
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case ' ' or '\t':
                    if (inWord)
                        words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    break;
                case '&' or '|' or ';' or '<' or '>' or '$' or '`' or '(' or ')' or '\\' or '*' or '?' or '\n':
                    return null;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (quote != '\0')
            return null;
        if (inWord)
            words.Add(word.ToString());
        return words.Count == 0 ? null : words;
    }
}
