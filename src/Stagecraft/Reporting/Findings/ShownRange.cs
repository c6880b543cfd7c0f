using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Reporting.Findings;

/// <summary>
/// Where a report shows a finding: 1-based lines and code-point columns, end exclusive. A span that swallows its
/// line break (whole instructions do) would end at column 1 of the next line; it is shown ending where that break
/// starts instead, and a span at the very end of a file that ends with a line break is shown at the end of the last
/// line, so editors and code scanning never point at a line past the text.
/// </summary>
internal readonly record struct ShownRange(int Line, int Column, int EndLine, int EndColumn)
{
    public bool IsOneLine => Line == EndLine;

    public static ShownRange Of(Finding finding, SourceText source)
    {
        var start = finding.Range.Start;
        var end = finding.Range.End;
        if (start.Offset >= source.Length)
        {
            start = BeforeLineBreak(start, source);
            end = start;
        }
        else if (end.Line > start.Line)
        {
            end = BeforeLineBreak(end, source);
        }
        return new ShownRange(Math.Max(start.Line, 1), Math.Max(start.Column, 1), Math.Max(end.Line, 1), Math.Max(end.Column, 1));
    }

    /// <summary>A position at column 1 moved back to where the previous line's break starts; other positions as they are.</summary>
    private static SourcePosition BeforeLineBreak(SourcePosition position, SourceText source)
    {
        if (position.Column != 1 || position.Line < 2 || position.Line > source.LineCount)
            return position;
        var bytes = source.Bytes;
        var lineBreak = source.LineStart(position.Line) - 1; // the '\n'
        if (lineBreak > source.LineStart(position.Line - 1) && bytes[lineBreak - 1] == (byte)'\r')
            lineBreak--;
        return source.GetPosition(lineBreak);
    }
}
