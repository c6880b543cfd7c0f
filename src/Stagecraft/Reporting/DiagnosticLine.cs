using Stagecraft.Syntax;

namespace Stagecraft.Reporting;

/// <summary>
/// The one-line text form of a parser diagnostic, <c>path:line:col code severity: message</c> (the shape lint findings use too). Editors and CI tools
/// match it with regular expressions, so its shape never changes and a message never spans lines.
/// </summary>
public static class DiagnosticLine
{
    public static string Format(SyntaxTree tree, SyntaxDiagnostic diagnostic, string path)
    {
        var start = tree.GetPosition(diagnostic.Span.Start);
        var message = diagnostic.Message.ReplaceLineEndings(" ");
        return $"{path}:{start.Line}:{start.Column} {diagnostic.Code} {SeverityNames.Of(diagnostic.Severity)}: {message}";
    }
}
