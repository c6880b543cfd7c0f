using Stagecraft.Syntax;

namespace Stagecraft.Reporting;

/// <summary>The lower-case severity words every reporter writes (<c>error</c>, <c>warning</c>).</summary>
internal static class SeverityNames
{
    public static string Of(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => severity.ToString().ToLowerInvariant(),
    };
}
