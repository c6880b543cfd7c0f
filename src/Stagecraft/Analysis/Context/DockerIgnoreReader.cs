using System.Text;

namespace Stagecraft.Analysis.Context;

/// <summary>Reads ignore-file lines into patterns with the rules of moby's <c>ignorefile.ReadAll</c>.</summary>
internal static class DockerIgnoreReader
{
    // Go's bufio.Scanner holds at most 64 KiB, newline included; a longer line fails the whole read.
    private const int MaxLineBytes = (64 * 1024) - 1;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static List<DockerIgnoreEntry> Read(ReadOnlySpan<byte> content, string? filePath)
    {
        var entries = new List<DockerIgnoreEntry>();
        var lineNumber = 0;
        var start = 0;
        while (start < content.Length)
        {
            var length = content[start..].IndexOf((byte)'\n');
            var next = start + length + 1;
            if (length < 0)
            {
                length = content.Length - start;
                next = content.Length;
            }
            lineNumber++;
            if (length > MaxLineBytes)
            {
                throw new DockerIgnoreException(DockerIgnoreErrorKind.LineTooLong,
                    $"the line is {length} bytes long; BuildKit cannot read an ignore file with a line of 64 KiB or more", filePath, lineNumber, pattern: null);
            }

            var line = content.Slice(start, length);
            start = next;
            if (line.Length > 0 && line[^1] == '\r')
                line = line[..^1];
            if (lineNumber == 1 && line.StartsWith(ByteOrderMark))
                line = line[ByteOrderMark.Length..];

            // Only a '#' in the very first column starts a comment; "  # x" is the pattern "# x".
            if (line.Length > 0 && line[0] == '#')
                continue;
            var written = Encoding.UTF8.GetString(line).Trim();
            if (written.Length == 0)
                continue;
            entries.Add(new DockerIgnoreEntry(lineNumber, Normalise(written), written));
        }
        return entries;
    }

    // Cleans the path part, keeping a leading '!', and makes "/a" mean "a" (context-relative).
    private static string Normalise(string pattern)
    {
        var isException = pattern[0] == '!';
        if (isException)
            pattern = pattern[1..].Trim();
        if (pattern.Length > 0)
        {
            pattern = GoPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
                pattern = pattern[1..];
        }
        return isException ? "!" + pattern : pattern;
    }
}
