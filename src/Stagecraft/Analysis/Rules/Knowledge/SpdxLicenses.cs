namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// The SPDX license and exception ids that cover nearly every container image, and a reader for SPDX license
/// expressions (<c>MIT</c>, <c>Apache-2.0 OR MIT</c>, <c>GPL-2.0-only WITH Classpath-exception-2.0</c>). Not the full
/// SPDX list: rarely used ids are reported as unknown.
/// </summary>
internal static class SpdxLicenses
{
    private static readonly HashSet<string> LicenseIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "0BSD", "AFL-3.0", "AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.0", "Apache-1.1",
        "Apache-2.0", "APSL-2.0", "Artistic-1.0", "Artistic-2.0", "Beerware", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent",
        "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "BUSL-1.1", "bzip2-1.0.6", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-4.0",
        "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC-PDDC", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "CPL-1.0",
        "curl", "ECL-2.0", "EFL-2.0", "Elastic-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "FTL", "GFDL-1.2-only", "GFDL-1.2-or-later",
        "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0",
        "GPL-3.0-only", "GPL-3.0-or-later", "HPND", "ICU", "IJG", "ISC", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only",
        "LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0-only", "LGPL-3.0-or-later", "libpng-2.0", "Libpng", "LPPL-1.3c", "MIT", "MIT-0", "MPL-1.1",
        "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MulanPSL-2.0", "NCSA", "ODbL-1.0", "OFL-1.1", "OpenSSL", "OSL-3.0",
        "PHP-3.0", "PHP-3.01", "PostgreSQL", "PSF-2.0", "Python-2.0", "Ruby", "SGI-B-2.0", "Sleepycat", "SSPL-1.0", "Unicode-3.0",
        "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1",
    };

    private static readonly HashSet<string> ExceptionIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "Autoconf-exception-3.0", "Bison-exception-2.2", "Classpath-exception-2.0", "Font-exception-2.0", "GCC-exception-3.1", "Linux-syscall-note",
        "LLVM-exception", "OpenJDK-assembly-exception-1.0", "openvpn-openssl-exception", "Qt-GPL-exception-1.0", "Qt-LGPL-exception-1.1",
        "Swift-exception", "Universal-FOSS-exception-1.0", "WxWindows-exception-3.1",
    };

    /// <summary>Every license id known here, for "did you mean" hints.</summary>
    public static IEnumerable<string> Known => LicenseIds;

    /// <summary>
    /// Null when <paramref name="expression"/> is a valid SPDX license expression; otherwise the first word that is
    /// wrong (an unknown id, a misplaced operator), or the whole text when it ends too early.
    /// </summary>
    public static string? FirstProblem(string expression)
    {
        var tokens = Tokens(expression);
        var position = 0;
        var problem = Compound(tokens, ref position);
        if (problem is null && position < tokens.Count)
            problem = tokens[position];
        return problem;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                if (start >= 0)
                    tokens.Add(text[start..i]);
                start = -1;
                if (c is '(' or ')')
                    tokens.Add(c.ToString());
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        return tokens;
    }

    // compound := term (("AND" | "OR") term)*; term := "(" compound ")" | license ["WITH" exception]
    private static string? Compound(List<string> tokens, ref int position)
    {
        while (true)
        {
            if (Term(tokens, ref position) is { } problem)
                return problem;
            if (position >= tokens.Count || !IsOperator(tokens[position], "AND") && !IsOperator(tokens[position], "OR"))
                return null;
            position++;
        }
    }

    private static string? Term(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
            return tokens.Count == 0 ? "" : string.Join(' ', tokens);
        var token = tokens[position++];
        if (token == "(")
        {
            if (Compound(tokens, ref position) is { } inner)
                return inner;
            if (position >= tokens.Count || tokens[position] != ")")
                return position < tokens.Count ? tokens[position] : string.Join(' ', tokens);
            position++;
            return null;
        }
        if (!IsLicense(token))
            return token;
        if (position < tokens.Count && IsOperator(tokens[position], "WITH"))
        {
            position++;
            if (position >= tokens.Count || !ExceptionIds.Contains(tokens[position]))
                return position < tokens.Count ? tokens[position] : string.Join(' ', tokens);
            position++;
        }
        return null;
    }

    /// <summary>A known id (with an optional <c>+</c>, "or any later version"), or a LicenseRef of the user's own.</summary>
    private static bool IsLicense(string token)
    {
        if (token.StartsWith("LicenseRef-", StringComparison.Ordinal) || token.StartsWith("DocumentRef-", StringComparison.Ordinal) && token.Contains(":LicenseRef-", StringComparison.Ordinal))
            return token.Length > "LicenseRef-".Length;
        return LicenseIds.Contains(token.EndsWith('+') ? token[..^1] : token);
    }

    /// <summary>SPDX operators are written all upper-case or all lower-case.</summary>
    private static bool IsOperator(string token, string name) => token == name || token == name.ToLowerInvariant();
}
