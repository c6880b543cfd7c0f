namespace Stagecraft.Syntax;

/// <summary><c>HEALTHCHECK NONE</c> or <c>HEALTHCHECK [--interval …] CMD command</c>.</summary>
public sealed class HealthcheckInstructionSyntax : InstructionSyntax
{
    internal HealthcheckInstructionSyntax(InstructionParts parts, List<SyntaxDiagnostic> diagnostics) : base(parts)
    {
        Type = Arguments.Count > 0 ? Arguments[0] : null;
        Command = Arguments.Skip(1).ToArray();
        Interval = Duration("interval", diagnostics);
        Timeout = Duration("timeout", diagnostics);
        StartPeriod = Duration("start-period", diagnostics);
        StartInterval = Duration("start-interval", diagnostics);
        if (GetFlag("retries") is { } retries)
        {
            if (int.TryParse(retries.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 0)
                Retries = count;
            else
                diagnostics.Add(new SyntaxDiagnostic("invalid-flag", DiagnosticSeverity.Error, $"--retries must be a whole number of 0 or more, not \"{retries.Value}\"", retries.Span));
        }
        if (Type is not null && !IsNone && !Type.Value.Equals("CMD", StringComparison.OrdinalIgnoreCase))
            diagnostics.Add(new SyntaxDiagnostic("invalid-healthcheck", DiagnosticSeverity.Error, $"unknown type \"{Type.Value}\" in HEALTHCHECK (try CMD)", Type.Span));
        else if (IsNone && Command.Count > 0)
            diagnostics.Add(new SyntaxDiagnostic("invalid-healthcheck", DiagnosticSeverity.Error, "HEALTHCHECK NONE takes no arguments", Command[0].Span));
        else if (Type is not null && !IsNone && Command.Count == 0)
            diagnostics.Add(new SyntaxDiagnostic("invalid-healthcheck", DiagnosticSeverity.Error, "HEALTHCHECK CMD needs a command", Type.Span));
    }

    /// <summary>CMD or NONE as written.</summary>
    public ArgumentSyntax? Type { get; }

    public bool IsNone => Type?.Value.Equals("NONE", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The check command: exec-form words, or one shell-form string.</summary>
    public IReadOnlyList<ArgumentSyntax> Command { get; }

    public TimeSpan? Interval { get; }
    public TimeSpan? Timeout { get; }
    public TimeSpan? StartPeriod { get; }
    public TimeSpan? StartInterval { get; }
    public int? Retries { get; }

    private TimeSpan? Duration(string name, List<SyntaxDiagnostic> diagnostics)
    {
        if (GetFlag(name) is not { } flag)
            return null;
        if (GoDuration.TryParse(flag.Value ?? "", out var value) && value >= TimeSpan.Zero)
            return value;
        diagnostics.Add(new SyntaxDiagnostic("invalid-flag", DiagnosticSeverity.Error, $"--{name} needs a duration such as 30s or 1m30s, not \"{flag.Value}\"", flag.Span));
        return null;
    }
}
