using System.Security.Cryptography;
using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// Identities of findings that survive edits elsewhere in the file: a hash of the rule id and the text of the line the
/// finding starts on (whitespace runs collapsed, ends trimmed), plus how many earlier findings of the file share both
/// (the occurrence, from 1). Line numbers are left out on purpose: adding a line above must not make every alert new.
/// </summary>
internal static class FindingFingerprints
{
    /// <summary>For each finding of the file, in order: the content hash (32 hex digits) and its occurrence.</summary>
    public static IReadOnlyList<(string Hash, int Occurrence)> Of(FileLintResult file)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(string, int)>(file.Findings.Count);
        foreach (var finding in file.Findings)
        {
            var hash = Hash(finding.Rule.Id + "\0" + LineText(file.Source, ShownRange.Of(finding, file.Source).Line));
            var occurrence = seen[hash] = seen.GetValueOrDefault(hash) + 1;
            result.Add((hash, occurrence));
        }
        return result;
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static string LineText(SourceText source, int line)
    {
        if (line < 1 || line > source.LineCount)
            return "";
        var start = source.LineStart(line);
        var end = line < source.LineCount ? source.LineStart(line + 1) : source.Length;
        var text = source.GetText(TextSpan.FromBounds(start, end));
        var builder = new StringBuilder(text.Length);
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
                builder.Append(' ');
            builder.Append(part);
        }
        return builder.ToString();
    }
}
