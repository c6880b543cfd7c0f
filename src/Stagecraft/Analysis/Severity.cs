namespace Stagecraft.Analysis;

/// <summary>How serious a finding is, from most to least. The failure threshold compares against this order.</summary>
public enum Severity
{
    Error = 0,
    Warning = 1,
    Info = 2,
    Style = 3,
}

/// <summary>Names of severities as users write them in options and configuration.</summary>
public static class Severities
{
    public static string Name(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "style",
    };

    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "info": severity = Severity.Info; return true;
            case "style": severity = Severity.Style; return true;
            default: severity = Severity.Style; return false;
        }
    }

    /// <summary>True when <paramref name="severity"/> is as serious as <paramref name="threshold"/> or more.</summary>
    public static bool AtLeast(this Severity severity, Severity threshold) => severity <= threshold;
}
