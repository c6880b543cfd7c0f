using System.Text;

namespace Stagecraft.Images.Facts.Packages;

/// <summary>
/// Debian control-file paragraphs (dpkg's status file and distroless's status.d files): "Field: value" lines, continuation
/// lines starting with a space or tab, paragraphs separated by blank lines. Field names are case-insensitive.
/// </summary>
internal static class ControlParagraphs
{
    /// <summary>Each paragraph with the line it starts on; lines that fit neither form become notes naming file and line.</summary>
    public static List<(int Line, Dictionary<string, string> Fields)> Read(ReadOnlyMemory<byte> content, string path, List<string> notes)
    {
        var paragraphs = new List<(int, Dictionary<string, string>)>();
        Dictionary<string, string>? current = null;
        string? lastField = null;
        var start = 0;
        var lineNumber = 0;
        foreach (var raw in Encoding.UTF8.GetString(content.Span).Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (current is not null)
                    paragraphs.Add((start, current));
                current = null;
                lastField = null;
                continue;
            }
            if (line[0] is ' ' or '\t')
            {
                if (current is null || lastField is null)
                    notes.Add($"{path}:{lineNumber}: a continuation line with no field before it; skipped");
                else
                    current[lastField] += "\n" + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                notes.Add($"{path}:{lineNumber}: a line that is neither 'Field: value' nor a continuation; skipped");
                continue;
            }
            if (current is null)
            {
                current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                start = lineNumber;
            }
            lastField = line[..colon];
            current[lastField] = line[(colon + 1)..].Trim();
        }
        if (current is not null)
            paragraphs.Add((start, current));
        return paragraphs;
    }
}
