namespace Stagecraft.Semantics.Shell;

/// <summary>A range of characters in the script text given to <see cref="ShellScript.Parse(string)"/>: a start offset and a length.</summary>
public readonly record struct ShellSpan(int Start, int Length)
{
    /// <summary>The offset just past the last character of the span.</summary>
    public int End => Start + Length;

    /// <summary>Whether <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(ShellSpan other) => other.Start >= Start && other.End <= End;

    internal static ShellSpan FromBounds(int start, int end) => new(start, end - start);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End})";
}
