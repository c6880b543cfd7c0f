using System.Text.RegularExpressions;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// Whether a string is an image reference Docker accepts (<c>[host[:port]/]path[:tag][@digest]</c>, path in lower case),
/// following the grammar of the distribution/reference package that BuildKit parses FROM with.
/// </summary>
internal static partial class ImageReferenceGrammar
{
    private const int NameTotalLengthMax = 255;

    // domain: host components separated by dots (or a bracketed IPv6 address), optional port.
    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?$")]
    private static partial Regex Domain();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*$")]
    private static partial Regex Path();

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex HexIdentifier();

    /// <summary>True when <paramref name="reference"/> parses as a normalized named reference.</summary>
    public static bool IsValid(string reference)
    {
        if (reference.Length == 0 || HexIdentifier().IsMatch(reference))
            return false;
        var name = reference;
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            if (!Digest().IsMatch(name[(at + 1)..]))
                return false;
            name = name[..at];
        }
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        if (colon > lastSlash)
        {
            if (!Tag().IsMatch(name[(colon + 1)..]))
                return false;
            name = name[..colon];
        }
        if (name.Length == 0 || name.Length > NameTotalLengthMax)
            return false;
        // The first component is a registry when it has a dot or a port, is localhost, or has capitals.
        var slash = name.IndexOf('/');
        var path = name;
        if (slash > 0)
        {
            var first = name[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first != first.ToLowerInvariant())
            {
                if (!Domain().IsMatch(first))
                    return false;
                path = name[(slash + 1)..];
            }
        }
        return Path().IsMatch(path);
    }
}
