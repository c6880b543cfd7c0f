namespace Stagecraft.Syntax;

/// <summary>How serious a parser diagnostic is. Errors are what BuildKit would refuse to build.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}
