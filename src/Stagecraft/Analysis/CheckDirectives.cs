using Stagecraft.Syntax;

namespace Stagecraft.Analysis;

/// <summary>
/// BuildKit's own switches for its checks, honoured for the findings that carry a BuildKit check name as an alias: the
/// <c># check=skip=…;error=true;experimental=…</c> parser directive for the whole file, and <c># check=…</c> comments
/// right above one instruction (their skips and experimental checks apply to that instruction only). Applied by the
/// engine after the rules ran, like inline suppressions.
/// </summary>
internal sealed class CheckDirectives
{
    /// <summary>Every check <c>docker build --check</c> knows, by its BuildKit name.</summary>
    public static IReadOnlySet<string> CheckNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing", "DuplicateStageName",
        "ReservedStageName", "JSONArgsRecommended", "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath",
        "UndefinedVar", "MultipleInstructionsDisallowed", "LegacyKeyValueFormat", "InvalidBaseImagePlatform",
        "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed",
        "CopyIgnoredFile", "InvalidDefinitionDescription", "ExposeProtoCasing", "ExposeInvalidFormat",
    };

    private static readonly CheckDirectives Nothing = new(CheckOptions.None, []);

    private readonly CheckOptions _file;
    private readonly List<(TextSpan Scope, CheckOptions Options)> _local;

    private CheckDirectives(CheckOptions file, List<(TextSpan Scope, CheckOptions Options)> local)
    {
        _file = file;
        _local = local;
    }

    /// <summary>
    /// The value of a <c># check=</c> comment: BuildKit reads a comment as a directive (key=value), then keeps the value up
    /// to its first blank ("skip=X // why"). Matched by hand (see TextPatterns) as <c>^\s*check\s*=\s*(?&lt;value&gt;\S+)</c>
    /// with IgnoreCase.
    /// </summary>
    internal static string? CheckCommentValue(string comment)
    {
        var text = comment.AsSpan().TrimStart();
        if (!text.StartsWith("check", StringComparison.OrdinalIgnoreCase))
            return null;
        text = text[5..].TrimStart();
        if (text is not ['=', ..])
            return null;
        text = text[1..].TrimStart();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        return end == 0 ? null : text[..end].ToString();
    }

    public static CheckDirectives From(SyntaxTree tree)
    {
        var file = CheckOptions.None;
        if (tree.Root.GetDirective("check") is { } directive && CheckOptions.TryParse(directive.Value, out var parsed, out _))
            file = parsed; // an unreadable directive is a syntax error (STG000); the checks then run as if it were absent
        var local = new List<(TextSpan, CheckOptions)>();
        var children = tree.Root.Children;
        for (var i = 0; i < children.Count; i++)
        {
            // The comments above count as part of the instruction: a finding may point at one (STG119 does).
            if (children[i] is InstructionSyntax instruction && LocalOptions(children, i, out var first) is { } options)
                local.Add((TextSpan.FromBounds(children[first].Span.Start, instruction.Span.End), options));
        }
        return file == CheckOptions.None && local.Count == 0 ? Nothing : new CheckDirectives(file, local);
    }

    /// <summary>True when an <c>experimental=</c> option anywhere in the file names one of the rule's aliases (or says all).</summary>
    public bool MayEnable(RuleDescriptor rule) =>
        Enables(_file, rule.Aliases) || _local.Any(l => Enables(l.Options, rule.Aliases));

    /// <summary>
    /// The finding as the directives leave it: null when skipped (or when an off-by-default rule is not turned on where
    /// the finding is), raised to error under <c>error=true</c>, else unchanged.
    /// </summary>
    public Finding? Apply(Finding finding, bool enabledByConfiguration)
    {
        if (ReferenceEquals(this, Nothing) || !finding.Aliases.Any(CheckNames.Contains))
            return finding;
        var options = _file;
        foreach (var (scope, local) in _local)
        {
            if (scope.Contains(finding.Span.Start))
                options = options.Merge(local);
        }
        if (!finding.Rule.EnabledByDefault && !enabledByConfiguration)
        {
            // BuildKit runs an experimental check only when named, and then no skip applies to it.
            if (!Enables(options, finding.Aliases))
                return null;
        }
        else if (options.SkipAll || options.Skip.Any(name => Names(finding, name)))
        {
            return null;
        }
        return _file.Error ? finding with { Severity = Severity.Error } : finding;
    }

    private static bool Enables(CheckOptions options, IReadOnlyList<string> aliases) =>
        options.ExperimentalAll || options.Experimental.Any(name => aliases.Contains(name, StringComparer.OrdinalIgnoreCase));

    private static bool Names(Finding finding, string name)
    {
        name = RetiredRules.Current(name); // as everywhere a rule id is accepted
        return finding.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase) || finding.Rule.Id.Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first <c># check=</c> comment in the run of comments right above an instruction (a blank line ends the run).</summary>
    private static CheckOptions? LocalOptions(IReadOnlyList<SyntaxNode> children, int index, out int first)
    {
        first = index;
        while (first > 0 && children[first - 1] is CommentSyntax)
            first--;
        for (var j = first; j < index; j++)
        {
            if (CheckCommentValue(((CommentSyntax)children[j]).Text) is { } value)
                return CheckOptions.TryParse(value, out var options, out _) ? options : null;
        }
        return null;
    }
}
