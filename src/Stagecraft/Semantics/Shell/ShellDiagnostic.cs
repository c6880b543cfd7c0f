namespace Stagecraft.Semantics.Shell;

/// <summary>A problem found while reading a script; reading carries on past it.</summary>
public sealed record ShellDiagnostic(ShellDiagnosticKind Kind, ShellSpan Span, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Span}: {Kind}: {Message}";
}
