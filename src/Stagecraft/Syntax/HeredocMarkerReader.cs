using System.Text;

namespace Stagecraft.Syntax;

/// <summary>
/// Finds heredoc markers the way BuildKit does: split the instruction line into shell words (quotes and escapes kept,
/// variables left as written, "&lt;&lt;" glued to the blanks after it), then read each word as <c>[n]&lt;&lt;[-]NAME</c>.
/// </summary>
internal static class HeredocMarkerReader
{
    /// <summary>A marker found on a line, with the logical range of the word that holds it.</summary>
    public readonly record struct Found(HeredocMarker Marker, int Start, int End);

    public static List<Found> FindInLine(ReadOnlySpan<byte> line, int start, int end)
    {
        var result = new List<Found>();
        var text = SourceText.Decode(line[start..end]);
        if (!text.Contains("<<", StringComparison.Ordinal))
            return result;
        // Offsets are tracked in chars of the decoded text and turned back into byte offsets.
        if (!TrySplit(text, rawQuotes: true, rawEscapes: true, out var words))
            return result;
        foreach (var word in words)
        {
            if (TryParseWord(word.Text, out var marker, out _) && marker is not null)
            {
                var byteStart = start + Encoding.UTF8.GetByteCount(text.AsSpan(0, word.Start));
                var byteEnd = start + Encoding.UTF8.GetByteCount(text.AsSpan(0, word.End));
                result.Add(new Found(marker, byteStart, byteEnd));
            }
        }
        return result;
    }

    /// <summary>
    /// Reads one word as a heredoc marker. Returns false with an error for a malformed marker (unbalanced quotes);
    /// true with a null marker when the word simply is not one.
    /// </summary>
    public static bool TryParseWord(string word, out HeredocMarker? marker, out string? error)
    {
        marker = null;
        error = null;
        var pos = 0;
        while (pos < word.Length && char.IsAsciiDigit(word[pos]))
            pos++;
        var digits = word[..pos];
        if (!word.AsSpan(pos).StartsWith("<<", StringComparison.Ordinal))
            return true;
        pos += 2;
        var chomp = pos < word.Length && word[pos] == '-';
        if (chomp)
            pos++;
        while (pos < word.Length && word[pos] is ' ' or '\t' or '\n' or '\f' or '\r')
            pos++;
        var rest = word[pos..];
        if (rest.Contains('<') || rest.Length == 0)
            return true;
        if (!TrySplit(rest, rawQuotes: false, rawEscapes: false, out var words))
        {
            error = "unbalanced quotes in heredoc marker " + word;
            return false;
        }
        if (words.Count != 1)
            return true;
        TrySplit(rest, rawQuotes: true, rawEscapes: false, out var rawWords);
        var name = words[0].Text;
        var expand = CountQuotes(name) == CountQuotes(rawWords[0].Text);
        _ = int.TryParse(digits, out var fd);
        marker = new HeredocMarker(name, expand, chomp, fd);
        return true;
    }

    private static int CountQuotes(string s)
    {
        var count = 0;
        foreach (var c in s)
        {
            if (c is '\'' or '"')
                count++;
        }
        return count;
    }

    private readonly record struct Word(string Text, int Start, int End);

    /// <summary>A small shell word splitter with an empty environment where unset variables stay as written.</summary>
    private static bool TrySplit(string text, bool rawQuotes, bool rawEscapes, out List<Word> words)
    {
        words = new List<Word>();
        var current = new StringBuilder();
        var inWord = false;
        var wordStart = 0;
        var pos = 0;

        void Begin(int at)
        {
            if (!inWord)
            {
                inWord = true;
                wordStart = at;
            }
        }

        void End(int at, List<Word> list)
        {
            if (inWord && current.Length > 0)
                list.Add(new Word(current.ToString(), wordStart, at));
            current.Clear();
            inWord = false;
        }

        while (pos < text.Length)
        {
            var ch = text[pos];
            switch (ch)
            {
                case '\'':
                    {
                        Begin(pos);
                        var close = text.IndexOf('\'', pos + 1);
                        if (close < 0)
                            return false;
                        current.Append(rawQuotes ? text.AsSpan(pos, close - pos + 1) : text.AsSpan(pos + 1, close - pos - 1));
                        pos = close + 1;
                        continue;
                    }
                case '"':
                    {
                        Begin(pos);
                        if (rawQuotes)
                            current.Append('"');
                        pos++;
                        while (true)
                        {
                            if (pos >= text.Length)
                                return false;
                            var c = text[pos];
                            if (c == '"')
                            {
                                if (rawQuotes)
                                    current.Append('"');
                                pos++;
                                break;
                            }
                            if (c == '$')
                            {
                                if (!TryDollar(text, ref pos, current))
                                    return false;
                                continue;
                            }
                            if (c == '\\')
                            {
                                if (rawEscapes)
                                    current.Append(c);
                                pos++;
                                if (pos >= text.Length)
                                    continue;
                                if (text[pos] is '"' or '$' or '\\')
                                {
                                    current.Append(text[pos]);
                                    pos++;
                                }
                                continue;
                            }
                            current.Append(c);
                            pos++;
                        }
                        continue;
                    }
                case '$':
                    Begin(pos);
                    if (!TryDollar(text, ref pos, current))
                        return false;
                    continue;
                case '<' when pos + 1 < text.Length && text[pos + 1] == '<':
                    Begin(pos);
                    current.Append("<<");
                    pos += 2;
                    while (pos < text.Length && text[pos] is ' ' or '\t')
                        current.Append(text[pos++]);
                    continue;
                case '\\':
                    Begin(pos);
                    if (rawEscapes)
                        current.Append(ch);
                    pos++;
                    if (pos < text.Length)
                        current.Append(text[pos++]);
                    continue;
            }
            if (char.IsWhiteSpace(ch))
            {
                End(pos, words);
                pos++;
                continue;
            }
            Begin(pos);
            current.Append(ch);
            pos++;
        }
        End(pos, words);
        return true;
    }

    /// <summary>Copies a variable reference as written (the environment is empty and unset names are kept).</summary>
    private static bool TryDollar(string text, ref int pos, StringBuilder current)
    {
        var start = pos;
        pos++;
        if (pos < text.Length && text[pos] == '{')
        {
            var depth = 0;
            for (; pos < text.Length; pos++)
            {
                if (text[pos] == '{')
                    depth++;
                else if (text[pos] == '}' && --depth == 0)
                {
                    pos++;
                    current.Append(text.AsSpan(start, pos - start));
                    return true;
                }
            }
            return false;
        }
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            pos++;
        current.Append(text.AsSpan(start, pos - start));
        return true;
    }
}
