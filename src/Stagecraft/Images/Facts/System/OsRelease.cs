using System.Text;

namespace Stagecraft.Images.Facts;

/// <summary>
/// The distribution's os-release file (<c>/etc/os-release</c>, else <c>/usr/lib/os-release</c>): shell-style
/// <c>KEY=value</c> lines, values optionally in single or double quotes.
/// </summary>
/// <param name="Path">The file the values came from.</param>
/// <param name="Fields">Every field, for the ones without a property here (HOME_URL, VARIANT_ID, BUILD_ID, …).</param>
public sealed record OsRelease(string Path, string? Id, string? VersionId, string? PrettyName, string? VersionCodename, string? IdLike,
    IReadOnlyDictionary<string, string> Fields)
{
    public static readonly string[] Paths = ["/etc/os-release", "/usr/lib/os-release"];

    internal static OsRelease? Read(ImagePaths paths, List<string> notes)
    {
        foreach (var path in Paths)
        {
            if (paths.TryReadContent(path, out var content))
                return Parse(path, content, notes);
        }
        return null;
    }

    internal static OsRelease Parse(string path, ReadOnlyMemory<byte> content, List<string> notes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in Encoding.UTF8.GetString(content.Span).Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                notes.Add($"{path}:{number}: a line that is not KEY=value; skipped");
                continue;
            }
            fields[line[..equals].Trim()] = Unquote(line[(equals + 1)..].Trim());
        }
        return new OsRelease(path, fields.GetValueOrDefault("ID"), fields.GetValueOrDefault("VERSION_ID"), fields.GetValueOrDefault("PRETTY_NAME"),
            fields.GetValueOrDefault("VERSION_CODENAME"), fields.GetValueOrDefault("ID_LIKE"), fields);
    }

    /// <summary>Removes one level of quotes; inside double quotes a backslash escapes the next character, as in a shell.</summary>
    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            return value[1..^1];
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
            return value;
        var text = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1)
                i++;
            text.Append(value[i]);
        }
        return text.ToString();
    }
}
