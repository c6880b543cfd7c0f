using Stagecraft.Analysis;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>Applies non-overlapping edits to a copy of the file's bytes, to check a rewrite before offering it.</summary>
internal static class EditPreview
{
    public static byte[] Apply(ReadOnlySpan<byte> source, IReadOnlyList<TextEdit> edits)
    {
        var result = new List<byte>(source.Length + 256);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.Span.Start))
        {
            result.AddRange(source[position..edit.Span.Start]);
            result.AddRange(System.Text.Encoding.UTF8.GetBytes(edit.NewText));
            position = edit.Span.End;
        }
        result.AddRange(source[position..]);
        return [.. result];
    }
}
