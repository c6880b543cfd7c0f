namespace Stagecraft.Syntax;

/// <summary>A heredoc attached to a RUN, COPY or ADD: its marker word, body and terminator line.</summary>
public sealed class HeredocSyntax
{
    internal HeredocSyntax(HeredocMarker marker, TextSpan markerSpan, TextSpan bodySpan, TextSpan terminatorSpan, string content, bool isTerminated)
    {
        Marker = marker;
        MarkerSpan = markerSpan;
        BodySpan = bodySpan;
        TerminatorSpan = terminatorSpan;
        Content = content;
        IsTerminated = isTerminated;
    }

    public HeredocMarker Marker { get; }

    /// <summary>The terminator word with quotes removed (<c>&lt;&lt;'EOF'</c> gives EOF).</summary>
    public string Name => Marker.Name;

    /// <summary>False when any part of the marker was quoted: the body is then taken literally.</summary>
    public bool Expand => Marker.Expand;

    /// <summary>True for <c>&lt;&lt;-</c>: leading tabs are stripped from body lines.</summary>
    public bool Chomp => Marker.Chomp;

    public int FileDescriptor => Marker.FileDescriptor;

    /// <summary>Where the <c>&lt;&lt;NAME</c> word is written on the instruction line.</summary>
    public TextSpan MarkerSpan { get; }

    /// <summary>The body lines, each with its line ending (empty span for an empty body).</summary>
    public TextSpan BodySpan { get; }

    /// <summary>The terminator line without its line ending (empty when the heredoc runs to end of file).</summary>
    public TextSpan TerminatorSpan { get; }

    /// <summary>The body as BuildKit keeps it: every body line with its newline; tabs not yet stripped.</summary>
    public string Content { get; }

    /// <summary>The body after <c>&lt;&lt;-</c> tab stripping, as the heredoc's file or script receives it (before expansion).</summary>
    public string ChompedContent => Chomp ? StripLeadingTabs(Content) : Content;

    public bool IsTerminated { get; }

    internal static string StripLeadingTabs(string content)
    {
        var builder = new System.Text.StringBuilder(content.Length);
        var atLineStart = true;
        foreach (var c in content)
        {
            if (atLineStart && c == '\t')
                continue;
            atLineStart = c == '\n';
            builder.Append(c);
        }
        return builder.ToString();
    }
}
