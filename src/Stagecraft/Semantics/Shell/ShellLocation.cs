namespace Stagecraft.Semantics.Shell;

/// <summary>A 1-based line and column (counted in UTF-16 characters) within a shell script's text.</summary>
public readonly record struct ShellLocation(int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}";
}
