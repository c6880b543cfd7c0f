using System.Text.RegularExpressions;

namespace Stagecraft.Images.Facts.Security;

/// <summary>Values whose shape gives them away as credentials, whatever the variable is called.</summary>
internal static partial class TokenShapes
{
    /// <summary>What the value looks like ("a GitHub token"), or null when it has no telling shape.</summary>
    public static string? Describe(string value)
    {
        var text = value.Trim().Trim('"', '\'');
        if (text.Length < 16)
            return null;
        if (text.Contains("-----BEGIN", StringComparison.Ordinal) && text.Contains("PRIVATE KEY", StringComparison.Ordinal))
            return "a PEM private key";
        if (UrlWithPassword().IsMatch(text))
            return "a URL with a password in it";
        var match = Token().Match(text);
        if (!match.Success)
            return null;
        foreach (var (group, what) in Kinds)
        {
            if (match.Groups[group].Success)
                return what;
        }
        return null;
    }

    private static readonly (string Group, string What)[] Kinds =
    [
        ("github", "a GitHub token"), ("gitlab", "a GitLab token"), ("aws", "an AWS access key id"), ("slack", "a Slack token"),
        ("npm", "an npm token"), ("stripe", "a Stripe live key"), ("google", "a Google API key"), ("sk", "an API secret key (sk-…)"),
    ];

    [GeneratedRegex(@"^(?:(?<github>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})|(?<gitlab>glpat-[A-Za-z0-9_\-]{20,})|(?<aws>(?:AKIA|ASIA)[A-Z0-9]{16})|(?<slack>xox[abprs]-[A-Za-z0-9\-]{10,})|(?<npm>npm_[A-Za-z0-9]{36})|(?<stripe>[rs]k_live_[A-Za-z0-9]{16,})|(?<google>AIza[0-9A-Za-z_\-]{35})|(?<sk>sk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}))$")]
    private static partial Regex Token();

    // scheme://user:password@host — the user part has no '/', ':' or '@', the password no '/' or '@'.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]+:(?!\$)[^/\s@]+@")]
    private static partial Regex UrlWithPassword();
}
