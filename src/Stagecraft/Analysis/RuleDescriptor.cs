using System.Runtime.CompilerServices;

namespace Stagecraft.Analysis;

/// <summary>
/// What a rule is, as data: stable id, kebab-case name, title, default severity, category, aliases and where its
/// documentation lives. Made only through <see cref="Create"/>, which validates it.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary>Where rule pages are published; each rule's page is <c>{HelpBase}/{Id}.md</c>.</summary>
    public const string HelpBase = "https://github.com/stagecraft-dev/stagecraft/blob/main/docs/rules";

    private RuleDescriptor(string id, string name, string title, Severity defaultSeverity, RuleCategory category,
        IReadOnlyList<string> aliases, bool enabledByDefault, AliasFamily? aliasFamily, string declaringFile)
    {
        AliasFamily = aliasFamily;
        Id = id;
        Name = name;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Aliases = aliases;
        EnabledByDefault = enabledByDefault;
        DeclaringFile = declaringFile;
    }

    /// <summary>Stable id, <c>STG</c> and three digits.</summary>
    public string Id { get; }

    /// <summary>Kebab-case name, e.g. <c>apt-lists-not-cleaned</c>.</summary>
    public string Name { get; }

    /// <summary>One line, sentence case, no final period.</summary>
    public string Title { get; }

    public Severity DefaultSeverity { get; }

    public RuleCategory Category { get; }

    /// <summary>Ids of other tools' checks this rule also answers to (hadolint DLnnnn, BuildKit check names).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>
    /// False for a rule that runs only when asked for: <c>--enable</c>, or a <c># check=experimental=…</c> directive naming
    /// its BuildKit alias (BuildKit's experimental checks are off by default too).
    /// </summary>
    public bool EnabledByDefault { get; }

    /// <summary>The source file that declared the rule (for docs and tests; recorded at compile time).</summary>
    public string DeclaringFile { get; }

    public string HelpUri => $"{HelpBase}/{Id}.md";

    /// <summary>True when <paramref name="code"/> is this rule's id or one of its aliases (case-insensitive).</summary>
    public bool Answers(string code)
    {
        // A loop, not LINQ: every lookup of a code (--ignore, configuration, inline ignores) asks each rule in turn.
        if (Id.Equals(code, StringComparison.OrdinalIgnoreCase))
            return true;
        for (var i = 0; i < Aliases.Count; i++)
        {
            if (Aliases[i].Equals(code, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return IsFamilyAlias(code);
    }

    /// <summary>
    /// True for a code of a family of checks this rule reports under their own codes (ShellCheck's SCnnnn): too many to list
    /// as aliases, and each finding carries only its own.
    /// </summary>
    public bool IsFamilyAlias(string code) => AliasFamily?.Matches(code) == true;

    /// <summary>The family of codes this rule reports under (ShellCheck's SCnnnn), or null.</summary>
    public AliasFamily? AliasFamily { get; }

    /// <summary>The aliases as shown in rule lists: the declared ones, then the family's pattern.</summary>
    public IEnumerable<string> DisplayAliases => AliasFamily is { } family ? Aliases.Append(family.Pattern) : Aliases;

    public static RuleDescriptor Create(string id, string name, string title, Severity defaultSeverity, RuleCategory category,
        string[]? aliases = null, bool enabledByDefault = true, AliasFamily? aliasFamily = null,
        [CallerFilePath] string declaringFile = "")
    {
        // Every process makes all of these at start-up, so the checks are plain loops: two regular expressions and a
        // LINQ distinct per rule were a twentieth of a one-file lint.
        if (!IsRuleId(id))
            throw new ArgumentException($"rule id '{id}' must be STG followed by three digits", nameof(id));
        if (!IsKebabCase(name))
            throw new ArgumentException($"rule name '{name}' must be kebab-case", nameof(name));
        if (string.IsNullOrWhiteSpace(title) || title.EndsWith('.'))
            throw new ArgumentException($"rule title for {id} must be one line without a final period", nameof(title));
        aliases ??= [];
        for (var i = 1; i < aliases.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(aliases[i], aliases[j], StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"rule {id} lists an alias twice", nameof(aliases));
            }
        }
        return new RuleDescriptor(id, name, title, defaultSeverity, category, aliases, enabledByDefault, aliasFamily, declaringFile);
    }

    /// <summary>STG and three ASCII digits.</summary>
    private static bool IsRuleId(string id) =>
        id.Length == 6 && id.StartsWith("STG", StringComparison.Ordinal) && char.IsAsciiDigit(id[3]) && char.IsAsciiDigit(id[4]) && char.IsAsciiDigit(id[5]);

    /// <summary>Lower-case ASCII words of letters and digits joined by single hyphens, starting with a letter.</summary>
    private static bool IsKebabCase(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || name[^1] == '-')
            return false;
        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '-' ? name[i - 1] == '-' : !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
                return false;
        }
        return true;
    }
}

/// <summary>A family of codes a rule answers to without listing them, e.g. <c>SCnnnn</c>: each finding carries its own.</summary>
/// <param name="Pattern">How the family is shown, e.g. <c>SCnnnn</c>.</param>
/// <param name="Matches">True for a code of the family.</param>
public sealed record AliasFamily(string Pattern, Func<string, bool> Matches);
