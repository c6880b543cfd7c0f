namespace Stagecraft.Syntax;

/// <summary>A problem the parser found, with the exact span it concerns. Parsing never throws; it reports these.</summary>
public sealed record SyntaxDiagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan Span)
{
    /// <summary>The code of ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER.</summary>
    public const string TriggerNotAllowed = "invalid-onbuild-trigger";

    /// <summary>The code of an instruction other than ARG before the first FROM.</summary>
    public const string InstructionBeforeFrom = "instruction-before-from";

    private static readonly HashSet<string> LineParserCodes = ["syntax", "duplicate-directive", "invalid-escape", "unterminated-heredoc", "no-instructions"];

    /// <summary>
    /// True for errors BuildKit's line parser itself raises; false for those its later instruction parsing raises
    /// (unknown instructions and flags, wrong argument counts), which its parser dump does not reflect.
    /// </summary>
    public bool IsLineParserError => Severity == DiagnosticSeverity.Error && LineParserCodes.Contains(Code);
}
