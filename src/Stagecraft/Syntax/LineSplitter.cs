using System.Text;
using System.Text.Json;

namespace Stagecraft.Syntax;

/// <summary>
/// Splits a logical line into instruction name, flags and argument nodes with BuildKit's rules
/// (its splitCommand, extractBuilderFlags and per-instruction line parsers), keeping logical ranges.
/// </summary>
internal sealed class LineSplitter
{
    // Keywords as usually written: one shared string each instead of a decoded copy per instruction.
    private static readonly string[] UpperCaseKeywords =
        ["RUN", "COPY", "ENV", "FROM", "ARG", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ADD", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR",
         "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"];

    private readonly byte[] _text;
    // Where the logical line starts in _text: the splitter reads a one-line instruction in the file's own bytes.
    private readonly int _origin;
    private readonly int _length;
    private readonly byte _escape;
    private readonly List<List<RawPart>>? _partLists;
    private int _partListsUsed;

    private LineSplitter(byte[] text, int origin, int length, byte escape, List<List<RawPart>>? partLists = null)
    {
        _text = text;
        _origin = origin;
        _length = length;
        _escape = escape;
        _partLists = partLists;
    }

    /// <param name="partLists">Argument lists reused from line to line; the result's <see cref="RawInstruction.Arguments"/>
    /// are valid only until the next call with the same lists (the parser copies them into the node first).</param>
    public static RawInstruction Split(LogicalLine logical, byte escape, List<List<RawPart>>? partLists = null)
    {
        var (text, origin) = logical.Contiguous;
        var splitter = new LineSplitter(text, origin, logical.Length, escape, partLists);
        return splitter.SplitCommand(0, logical.Length);
    }

    /// <summary>For tests and callers holding plain bytes.</summary>
    public static RawInstruction Split(ReadOnlySpan<byte> logical, byte escape) =>
        new LineSplitter(logical.ToArray(), 0, logical.Length, escape).SplitCommand(0, logical.Length);

    private ReadOnlySpan<byte> Text => _text.AsSpan(_origin, _length);

    private string Str(int start, int end) => SourceText.Decode(Text[start..end]);

    private RawInstruction SplitCommand(int start, int end)
    {
        start = GoText.SkipSpace(Text, start, end);
        end = GoText.TrimEnd(Text, start, end);
        var keywordEnd = start;
        while (keywordEnd < end && !GoText.IsSeparator(Text[keywordEnd]))
            keywordEnd++;
        var keyword = new RawPart(KeywordText(start, keywordEnd), start, keywordEnd);
        var restStart = keywordEnd;
        while (restStart < end && GoText.IsSeparator(Text[restStart]))
            restStart++;

        IReadOnlyList<RawPart> flags = [];
        int argsStart = end, argsEnd = end;
        if (keywordEnd < end)
        {
            var flagsEnd = ExtractFlags(restStart, end, out flags);
            argsStart = GoText.SkipSpace(Text, flagsEnd, end);
            argsEnd = GoText.TrimEnd(Text, argsStart, end);
        }

        var kind = InstructionKinds.Parse(keyword.Value);
        var shape = kind switch
        {
            InstructionKind.Add or InstructionKind.Copy or InstructionKind.Volume => ArgumentShape.JsonOrList,
            InstructionKind.Run or InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Shell => ArgumentShape.JsonOrString,
            InstructionKind.From or InstructionKind.Expose => ArgumentShape.Whitespace,
            InstructionKind.Env or InstructionKind.Label => ArgumentShape.NameValue,
            InstructionKind.Arg => ArgumentShape.Words,
            InstructionKind.Healthcheck => ArgumentShape.Healthcheck,
            InstructionKind.Maintainer or InstructionKind.User or InstructionKind.Workdir or InstructionKind.StopSignal => ArgumentShape.String,
            InstructionKind.Onbuild => ArgumentShape.SubCommand,
            _ => ArgumentShape.Ignore,
        };

        var parts = RentParts(shape == ArgumentShape.JsonOrString ? 1 : 4);
        string? error = null;
        var isJson = false;
        RawInstruction? child = null;
        switch (shape)
        {
            case ArgumentShape.JsonOrList:
                switch (TryJson(argsStart, argsEnd, parts))
                {
                    case JsonOutcome.Array: isJson = true; break;
                    case JsonOutcome.NotStrings: error = NotStringArray; break;
                    default: SplitWhitespace(argsStart, argsEnd, parts); break;
                }
                break;
            case ArgumentShape.JsonOrString:
                error = JsonOrString(argsStart, argsEnd, parts, out isJson);
                break;
            case ArgumentShape.Whitespace:
                SplitWhitespace(argsStart, argsEnd, parts);
                break;
            case ArgumentShape.NameValue:
                error = NameValue(argsStart, argsEnd, kind == InstructionKind.Env ? "ENV" : "LABEL", parts);
                break;
            case ArgumentShape.Words:
                foreach (var word in Words(argsStart, argsEnd))
                    parts.Add(word);
                break;
            case ArgumentShape.Healthcheck:
                error = Healthcheck(argsStart, argsEnd, parts, out isJson);
                break;
            case ArgumentShape.String:
                if (argsEnd > argsStart)
                    parts.Add(new RawPart(Str(argsStart, argsEnd), argsStart, argsEnd));
                break;
            case ArgumentShape.SubCommand:
                if (argsEnd > argsStart)
                {
                    child = SplitCommand(argsStart, argsEnd);
                    error = child.Error;
                }
                break;
        }

        return new RawInstruction
        {
            Kind = kind,
            Keyword = keyword,
            Flags = flags,
            ArgumentsStart = argsStart,
            ArgumentsEnd = argsEnd,
            Arguments = parts,
            IsJson = isJson,
            Child = child,
            Error = error,
        };
    }

    private string KeywordText(int start, int end)
    {
        var bytes = Text[start..end];
        foreach (var keyword in UpperCaseKeywords)
        {
            if (keyword.Length == bytes.Length && Ascii.Equals(bytes, keyword))
                return keyword;
        }
        return Str(start, end);
    }

    /// <summary>A list for one line's arguments (ONBUILD's trigger takes a second): from the caller's reusable lists when given.</summary>
    private List<RawPart> RentParts(int capacity)
    {
        if (_partLists is null)
            return new List<RawPart>(capacity);
        if (_partListsUsed == _partLists.Count)
            _partLists.Add(new List<RawPart>(4));
        var parts = _partLists[_partListsUsed++];
        parts.Clear();
        return parts;
    }

    private const string NotStringArray = "the JSON array may only contain strings";

    private string? JsonOrString(int start, int end, List<RawPart> parts, out bool isJson)
    {
        isJson = false;
        if (end <= start)
            return null;
        switch (TryJson(start, end, parts))
        {
            case JsonOutcome.Array:
                isJson = true;
                return null;
            case JsonOutcome.NotStrings:
                return NotStringArray;
            default:
                parts.Add(new RawPart(Str(start, end), start, end));
                return null;
        }
    }

    private string? Healthcheck(int start, int end, List<RawPart> parts, out bool isJson)
    {
        isJson = false;
        var sep = start;
        while (sep < end && !GoText.IsSpaceByte(Text[sep]))
            sep++;
        var next = sep;
        while (next < end && GoText.IsSpaceByte(Text[next]))
            next++;
        if (sep == start)
            return null;
        parts.Add(new RawPart(Str(start, sep), start, sep));
        return JsonOrString(next, end, parts, out isJson);
    }

    private enum JsonOutcome { NotJson, Array, NotStrings }

    private JsonOutcome TryJson(int start, int end, List<RawPart> parts)
    {
        var json = Text[start..end];
        if (json.IsEmpty || json[0] != (byte)'[')
            return JsonOutcome.NotJson;
        var found = new List<RawPart>();
        var onlyStrings = true;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 10_000 });
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    var tokenStart = start + (int)reader.TokenStartIndex;
                    var tokenEnd = start + (int)reader.BytesConsumed;
                    found.Add(new RawPart(ReadString(ref reader), tokenStart, tokenEnd));
                }
                else
                {
                    onlyStrings = false;
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != 0)
                return JsonOutcome.NotJson;
            foreach (var b in json[(int)reader.BytesConsumed..])
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
                    return JsonOutcome.NotJson;
            }
        }
        catch (JsonException)
        {
            return JsonOutcome.NotJson;
        }
        if (!onlyStrings)
            return JsonOutcome.NotStrings;
        parts.AddRange(found);
        return JsonOutcome.Array;
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 inside a JSON string: Go replaces it with U+FFFD rather than failing.
            return SourceText.Decode(reader.ValueSpan);
        }
    }

    private void SplitWhitespace(int start, int end, List<RawPart> parts)
    {
        if (end <= start)
            return;
        var wordStart = start;
        var pos = start;
        while (pos <= end)
        {
            if (pos == end || GoText.IsSeparator(Text[pos]))
            {
                parts.Add(new RawPart(Str(wordStart, pos), wordStart, pos));
                if (pos == end)
                    break;
                while (pos < end && GoText.IsSeparator(Text[pos]))
                    pos++;
                wordStart = pos;
                if (pos == end)
                {
                    parts.Add(new RawPart("", pos, pos));
                    break;
                }
                continue;
            }
            pos++;
        }
    }

    private string? NameValue(int start, int end, string key, List<RawPart> parts)
    {
        var words = Words(start, end);
        if (words.Count == 0)
            return null;
        if (!words[0].Value.Contains('='))
        {
            var keyEnd = start;
            while (keyEnd < end && !GoText.IsSeparator(Text[keyEnd]))
                keyEnd++;
            if (keyEnd == end)
                return $"{key} must have two arguments";
            var valueStart = keyEnd;
            while (valueStart < end && GoText.IsSeparator(Text[valueStart]))
                valueStart++;
            parts.Add(new RawPart(Str(start, keyEnd), start, keyEnd));
            parts.Add(new RawPart(Str(valueStart, end), valueStart, end));
            parts.Add(new RawPart("", keyEnd, keyEnd));
            return null;
        }
        foreach (var word in words)
        {
            var equals = word.Value.IndexOf('=');
            if (equals < 0)
                return $"Syntax error - can't find = in \"{word.Value}\". Must be of the form: name=value";
            // The word's value and its source text differ only after the first '=', so the key length carries over.
            var keyBytes = Encoding.UTF8.GetByteCount(word.Value.AsSpan(0, equals));
            var separatorAt = word.Start + keyBytes;
            parts.Add(new RawPart(word.Value[..equals], word.Start, separatorAt));
            parts.Add(new RawPart(word.Value[(equals + 1)..], separatorAt + 1, word.End));
            parts.Add(new RawPart("=", separatorAt, separatorAt + 1));
        }
        return null;
    }

    /// <summary>BuildKit's parseWords: quotes group and are kept, the escape character and the character after it are kept.</summary>
    private List<RawPart> Words(int start, int end)
    {
        var words = new List<RawPart>();
        var builder = new StringBuilder();
        var inWord = false;
        var inQuote = false;
        var blankOk = false;
        var quote = 0;
        var wordStart = start;
        var pos = start;
        while (pos < end)
        {
            var ch = GoText.DecodeRune(Text[pos..end], out var width);
            if (!inWord)
            {
                if (GoText.IsSpaceRune(ch))
                {
                    pos += width;
                    continue;
                }
                inWord = true;
                wordStart = pos;
            }
            if (!inQuote)
            {
                if (GoText.IsSpaceRune(ch))
                {
                    if (blankOk || builder.Length > 0)
                        words.Add(new RawPart(builder.ToString(), wordStart, pos));
                    builder.Clear();
                    blankOk = false;
                    inWord = false;
                    pos += width;
                    continue;
                }
                if (ch.Value is '\'' or '"')
                {
                    quote = ch.Value;
                    blankOk = true;
                    inQuote = true;
                }
                if (ch.Value == _escape)
                {
                    if (pos + width == end)
                    {
                        pos += width;
                        continue;
                    }
                    AppendRune(builder, ch);
                    pos += width;
                    ch = GoText.DecodeRune(Text[pos..end], out width);
                }
                AppendRune(builder, ch);
                pos += width;
                continue;
            }
            if (ch.Value == quote)
                inQuote = false;
            if (ch.Value == _escape && quote != '\'')
            {
                if (pos + width == end)
                {
                    inQuote = false;
                    pos += width;
                    continue;
                }
                pos += width;
                AppendRune(builder, ch);
                ch = GoText.DecodeRune(Text[pos..end], out width);
            }
            AppendRune(builder, ch);
            pos += width;
        }
        if (inWord && (blankOk || builder.Length > 0))
            words.Add(new RawPart(builder.ToString(), wordStart, end));
        return words;
    }

    /// <summary>BuildKit's extractBuilderFlags: leading <c>--words</c>, quotes removed, escapes applied. Returns where the rest starts.</summary>
    private int ExtractFlags(int start, int end, out IReadOnlyList<RawPart> flags)
    {
        var first = start;
        while (first < end && GoText.IsSpaceByte(Text[first]))
            first++;
        if (first + 1 >= end || Text[first] != '-' || Text[first + 1] != '-')
        {
            // Most instructions have no flags: answer without allocating.
            flags = [];
            return first;
        }
        var found = new List<RawPart>();
        flags = found;
        var builder = new List<byte>();
        var phase = 0; // 0 between words, 1 in a word, 2 in quotes
        var blankOk = false;
        byte quote = 0;
        var wordStart = start;
        for (var pos = start; pos <= end; pos++)
        {
            byte ch = pos < end ? Text[pos] : (byte)0;
            if (phase == 0)
            {
                if (pos == end)
                    break;
                if (GoText.IsSpaceByte(ch))
                    continue;
                if (ch != '-' || pos + 1 == end || Text[pos + 1] != '-')
                    return pos;
                phase = 1;
                wordStart = pos;
            }
            if (pos == end)
            {
                if (!IsDoubleDash(builder) && (blankOk || builder.Count > 0))
                    found.Add(new RawPart(Decode(builder), wordStart, pos));
                break;
            }
            if (phase == 1)
            {
                if (GoText.IsSpaceByte(ch))
                {
                    phase = 0;
                    if (IsDoubleDash(builder))
                        return pos;
                    if (blankOk || builder.Count > 0)
                        found.Add(new RawPart(Decode(builder), wordStart, pos));
                    builder.Clear();
                    blankOk = false;
                    continue;
                }
                if (ch is (byte)'\'' or (byte)'"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = 2;
                    continue;
                }
                if (ch == _escape)
                {
                    if (pos + 1 == end)
                        continue;
                    pos++;
                    ch = Text[pos];
                }
                builder.Add(ch);
                continue;
            }
            if (ch == quote)
            {
                phase = 1;
                continue;
            }
            if (ch == _escape)
            {
                if (pos + 1 == end)
                {
                    phase = 1;
                    continue;
                }
                pos++;
                ch = Text[pos];
            }
            builder.Add(ch);
        }
        return end;
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        if (rune.IsBmp)
            builder.Append((char)rune.Value);
        else
            builder.Append(rune.ToString());
    }

    private static bool IsDoubleDash(List<byte> word) => word.Count == 2 && word[0] == '-' && word[1] == '-';

    private static string Decode(List<byte> bytes) => SourceText.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes));

    private enum ArgumentShape { Ignore, JsonOrList, JsonOrString, Whitespace, NameValue, Words, Healthcheck, String, SubCommand }
}
