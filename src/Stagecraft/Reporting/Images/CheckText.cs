using System.Globalization;
using Stagecraft.Images.Policy;

namespace Stagecraft.Reporting.Images;

/// <summary>How every check format words a check: values in SI units (as <see cref="ByteSize"/>), the limit with its comparison, a one-line message.</summary>
public static class CheckText
{
    public static string Status(PolicyCheck check) => check.Passed ? "PASS" : "FAIL";

    /// <summary>The measured value as people read it ("171 MB", "12", "0.9844", "3 found", "no").</summary>
    public static string Measured(PolicyCheck check) => check.Unit switch
    {
        PolicyUnit.Flag => check.Passed ? "yes" : "no",
        _ when check.Comparison == PolicyComparison.Required => Found((int)(check.Measured ?? 0)),
        _ => Value(check.Unit, check.Measured),
    };

    /// <summary>The limit with the side that passes ("≤ 150 MB", "≥ 0.9", "none", "required").</summary>
    public static string Limit(PolicyCheck check) => check.Comparison switch
    {
        PolicyComparison.Required => check.Unit == PolicyUnit.Flag ? "required" : "none",
        PolicyComparison.AtMost or PolicyComparison.DiveAtMost => "≤ " + Value(check.Unit, check.Limit),
        _ => "≥ " + Value(check.Unit, check.Limit),
    };

    public static string Value(PolicyUnit unit, double? value) => value switch
    {
        null => "n/a",
        { } v => unit switch
        {
            PolicyUnit.Bytes => ByteSize.Format((long)v),
            PolicyUnit.Ratio => v.ToString("0.####", CultureInfo.InvariantCulture),
            _ => ((long)v).ToString(CultureInfo.InvariantCulture),
        },
    };

    /// <summary>One line: what was measured against what, and for a failed byte budget the exact bytes.</summary>
    public static string Message(PolicyCheck check)
    {
        if (check.Unit == PolicyUnit.Flag)
            return check.Detail ?? "";
        if (check.Comparison == PolicyComparison.Required)
            return check.Violations.Count == 0 ? "none found" : Found(check.Violations.Count) + ": " + string.Join("; ", check.Violations.Select(Violation));
        var text = $"{Measured(check)}, limit {Limit(check)}";
        if (!check.Passed && check.Unit == PolicyUnit.Bytes && check.Measured is { } m && check.Limit is { } l)
            text += string.Create(CultureInfo.InvariantCulture, $" ({(long)m:N0} bytes {(check.Comparison is PolicyComparison.AtLeast or PolicyComparison.DiveAtLeast ? "<" : ">")} {(long)l:N0})");
        return check.Detail is null ? text : text + "; " + check.Detail;
    }

    /// <summary>"gcc at /usr/bin/gcc -> /usr/bin/x86_64-linux-gnu-gcc-12 (package gcc-12)".</summary>
    public static string Violation(PolicyViolation violation)
    {
        var text = violation.What;
        if (violation.Where is { } where)
            text += " at " + where;
        if (violation.Package is { } package && !violation.What.StartsWith(package + " ", StringComparison.Ordinal))
            text += " (package " + package + ")";
        return text;
    }

    public static string Summary(PolicyReport report) => report.Passed
        ? $"all {report.Checks.Count} {(report.Checks.Count == 1 ? "rule" : "rules")} passed"
        : $"{report.FailedCount} of {report.Checks.Count} {(report.Checks.Count == 1 ? "rule" : "rules")} failed";

    private static string Found(int count) => count == 0 ? "none" : count.ToString(CultureInfo.InvariantCulture) + " found";
}
