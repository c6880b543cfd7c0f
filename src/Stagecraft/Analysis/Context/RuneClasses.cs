using System.Globalization;

namespace Stagecraft.Analysis.Context;

/// <summary>The named classes Go's regexp/syntax knows: Perl escapes, POSIX brackets and Unicode general categories.</summary>
internal static class RuneClasses
{
    public const int MaxRune = 0x10FFFF;

    private static readonly (int, int)[] Digit = [('0', '9')];
    private static readonly (int, int)[] Space = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];
    private static readonly (int, int)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    private static readonly Dictionary<string, (int, int)[]> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = [('0', '9'), ('A', 'Z'), ('a', 'z')],
        ["alpha"] = [('A', 'Z'), ('a', 'z')],
        ["ascii"] = [(0, 0x7F)],
        ["blank"] = [('\t', '\t'), (' ', ' ')],
        ["cntrl"] = [(0, 0x1F), (0x7F, 0x7F)],
        ["digit"] = [('0', '9')],
        ["graph"] = [('!', '~')],
        ["lower"] = [('a', 'z')],
        ["print"] = [(' ', '~')],
        ["punct"] = [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        ["space"] = [('\t', '\r'), (' ', ' ')],
        ["upper"] = [('A', 'Z')],
        ["word"] = [('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')],
        ["xdigit"] = [('0', '9'), ('A', 'F'), ('a', 'f')],
    };

    /// <summary>Ranges of <c>\d \s \w</c> (or their complements for <c>\D \S \W</c>); null for any other letter.</summary>
    public static IEnumerable<(int, int)>? Perl(char letter) => letter switch
    {
        'd' => Digit,
        'D' => Complement(Digit),
        's' => Space,
        'S' => Complement(Space),
        'w' => Word,
        'W' => Complement(Word),
        _ => null,
    };

    /// <summary>Ranges of <c>[:name:]</c> or <c>[:^name:]</c>; null when Go does not know the name.</summary>
    public static IEnumerable<(int, int)>? PosixClass(string name)
    {
        var negated = name.StartsWith('^');
        if (!Posix.TryGetValue(negated ? name[1..] : name, out var ranges))
            return null;
        return negated ? Complement(ranges) : ranges;
    }

    /// <summary>
    /// Looks up the name of a <c>\p</c> class as Go 1.25+ does: case, '_', '-' and ' ' are ignored, and general
    /// categories (<c>L</c>, <c>Lu</c>), their long aliases (<c>Uppercase_Letter</c>), <c>Any</c>, <c>Assigned</c> and
    /// <c>ASCII</c> are known. Unicode scripts (<c>Greek</c>) are not: .NET has no script data, so the caller treats
    /// them as unsupported. Go's <c>C</c> leaves out unassigned code points; <c>Cn</c> is exactly those.
    /// </summary>
    public static bool TryGetUnicodeClass(string name, out (int, int)[]? ranges, out int mask, out bool negated)
    {
        ranges = null;
        mask = 0;
        negated = false;
        switch (CanonicalName(name))
        {
            case "Any":
                ranges = [(0, MaxRune)];
                return true;
            case "Ascii":
                ranges = [(0, 0x7F)];
                return true;
            case "Assigned":
                mask = Categories["Cn"];
                negated = true;
                return true;
            case var canonical:
                return Categories.TryGetValue(canonical, out mask);
        }
    }

    // Canonical name -> mask of UnicodeCategory bits.
    private static readonly Dictionary<string, int> Categories = BuildCategories();

    private static Dictionary<string, int> BuildCategories()
    {
        (string Code, UnicodeCategory Category)[] codes =
        [
            ("Lu", UnicodeCategory.UppercaseLetter), ("Ll", UnicodeCategory.LowercaseLetter), ("Lt", UnicodeCategory.TitlecaseLetter),
            ("Lm", UnicodeCategory.ModifierLetter), ("Lo", UnicodeCategory.OtherLetter),
            ("Mn", UnicodeCategory.NonSpacingMark), ("Mc", UnicodeCategory.SpacingCombiningMark), ("Me", UnicodeCategory.EnclosingMark),
            ("Nd", UnicodeCategory.DecimalDigitNumber), ("Nl", UnicodeCategory.LetterNumber), ("No", UnicodeCategory.OtherNumber),
            ("Zs", UnicodeCategory.SpaceSeparator), ("Zl", UnicodeCategory.LineSeparator), ("Zp", UnicodeCategory.ParagraphSeparator),
            ("Cc", UnicodeCategory.Control), ("Cf", UnicodeCategory.Format), ("Cs", UnicodeCategory.Surrogate),
            ("Co", UnicodeCategory.PrivateUse), ("Cn", UnicodeCategory.OtherNotAssigned),
            ("Pc", UnicodeCategory.ConnectorPunctuation), ("Pd", UnicodeCategory.DashPunctuation), ("Ps", UnicodeCategory.OpenPunctuation),
            ("Pe", UnicodeCategory.ClosePunctuation), ("Pi", UnicodeCategory.InitialQuotePunctuation),
            ("Pf", UnicodeCategory.FinalQuotePunctuation), ("Po", UnicodeCategory.OtherPunctuation),
            ("Sm", UnicodeCategory.MathSymbol), ("Sc", UnicodeCategory.CurrencySymbol), ("Sk", UnicodeCategory.ModifierSymbol),
            ("So", UnicodeCategory.OtherSymbol),
        ];
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, category) in codes)
        {
            result[code] = 1 << (int)category;
            if (code != "Cn")
                result[code[..1]] = result.GetValueOrDefault(code[..1]) | (1 << (int)category);
        }
        result["Lc"] = result["Lu"] | result["Ll"] | result["Lt"];

        // Unicode's long names for general categories (PropertyValueAliases.txt), which Go 1.25+ accepts too.
        (string Alias, string Code)[] aliases =
        [
            ("Cased_Letter", "Lc"), ("Close_Punctuation", "Pe"), ("Combining_Mark", "M"), ("Connector_Punctuation", "Pc"),
            ("Control", "Cc"), ("cntrl", "Cc"), ("Currency_Symbol", "Sc"), ("Dash_Punctuation", "Pd"), ("Decimal_Number", "Nd"),
            ("digit", "Nd"), ("Enclosing_Mark", "Me"), ("Final_Punctuation", "Pf"), ("Format", "Cf"),
            ("Initial_Punctuation", "Pi"), ("Letter", "L"), ("Letter_Number", "Nl"), ("Line_Separator", "Zl"),
            ("Lowercase_Letter", "Ll"), ("Mark", "M"), ("Math_Symbol", "Sm"), ("Modifier_Letter", "Lm"),
            ("Modifier_Symbol", "Sk"), ("Nonspacing_Mark", "Mn"), ("Number", "N"), ("Open_Punctuation", "Ps"), ("Other", "C"),
            ("Other_Letter", "Lo"), ("Other_Number", "No"), ("Other_Punctuation", "Po"), ("Other_Symbol", "So"),
            ("Paragraph_Separator", "Zp"), ("Private_Use", "Co"), ("Punctuation", "P"), ("punct", "P"), ("Separator", "Z"),
            ("Space_Separator", "Zs"), ("Spacing_Mark", "Mc"), ("Surrogate", "Cs"), ("Symbol", "S"),
            ("Titlecase_Letter", "Lt"), ("Unassigned", "Cn"), ("Uppercase_Letter", "Lu"),
        ];
        foreach (var (alias, code) in aliases)
            result.TryAdd(CanonicalName(alias), result[code]);
        return result;
    }

    // Go's canonicalName: drop '_', '-' and ' ', upper-case the first ASCII letter left and lower-case the rest.
    private static string CanonicalName(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ')
                continue;
            builder.Append(builder.Length == 0 ? (char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c)
                : (char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c));
        }
        return builder.ToString();
    }

    /// <summary>Go's word characters for <c>\b</c>: ASCII letters, digits and underscore.</summary>
    public static bool IsWordCharacter(int rune) => rune is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    public static List<(int, int)> Complement(IEnumerable<(int Low, int High)> sorted)
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (low, high) in sorted.OrderBy(r => r.Low))
        {
            if (low > next)
                result.Add((next, low - 1));
            next = Math.Max(next, high + 1);
        }
        if (next <= MaxRune)
            result.Add((next, MaxRune));
        return result;
    }
}
