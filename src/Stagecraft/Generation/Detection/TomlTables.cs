using System.Text;
using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>
/// The keys of a TOML file (pyproject.toml, Pipfile) by table, each with its value's raw text: enough to read strings,
/// arrays of strings and the keys of a table. Not a TOML parser: multi-line strings and dotted keys are not read.
/// </summary>
internal sealed partial class TomlTables
{
    private readonly Dictionary<string, Dictionary<string, string>> _tables = new(StringComparer.Ordinal);

    public static TomlTables Parse(string text)
    {
        var result = new TomlTables();
        var table = "";
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (Header().Match(line) is { Success: true } header)
            {
                table = header.Groups[1].Value.Replace(" ", "").Replace("\"", "");
                continue;
            }
            if (KeyValue().Match(line) is not { Success: true } pair)
                continue;
            var value = new StringBuilder(pair.Groups[2].Value);
            // An array or inline table goes on until its brackets close.
            while (Depth(value.ToString()) > 0 && i + 1 < lines.Length)
                value.Append(' ').Append(StripComment(lines[++i].Trim()));
            if (!result._tables.TryGetValue(table, out var keys))
                result._tables[table] = keys = new Dictionary<string, string>(StringComparer.Ordinal);
            keys[pair.Groups[1].Value.Trim('"', '\'')] = value.ToString().Trim();
        }
        return result;
    }

    public bool HasTable(string table) => _tables.ContainsKey(table) || _tables.Keys.Any(t => t.StartsWith(table + ".", StringComparison.Ordinal));

    public IReadOnlyCollection<string> Keys(string table) => _tables.TryGetValue(table, out var keys) ? keys.Keys : [];

    /// <summary>A key's value when it is a plain string, or the <c>version</c> of an inline table; null otherwise.</summary>
    public string? String(string table, string key)
    {
        if (!_tables.TryGetValue(table, out var keys) || !keys.TryGetValue(key, out var raw))
            return null;
        if (raw.StartsWith('{'))
            return InlineVersion().Match(raw) is { Success: true } m ? m.Groups[1].Value : null;
        return QuotedString().Match(raw) is { Success: true, Index: 0 } s ? s.Groups[2].Value : null;
    }

    /// <summary>Every quoted string in a key's value (the items of an array of strings).</summary>
    public IReadOnlyList<string> Strings(string table, string key) =>
        _tables.TryGetValue(table, out var keys) && keys.TryGetValue(key, out var raw)
            ? QuotedString().Matches(raw).Select(m => m.Groups[2].Value).ToArray()
            : [];

    private static int Depth(string value)
    {
        var depth = 0;
        char quote = '\0';
        foreach (var c in value)
        {
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c is '[' or '{')
                depth++;
            else if (c is ']' or '}')
                depth--;
            else if (c == '#')
                break;
        }
        return depth;
    }

    private static string StripComment(string line) => line.StartsWith('#') ? "" : line;

    [GeneratedRegex(@"^\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(""[^""]+""|'[^']+'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(""|')((?:(?!\1).)*)\1")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\bversion\s*=\s*[""']([^""']*)[""']")]
    private static partial Regex InlineVersion();
}
