using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG271: a label the schema types as <c>email</c> holds something other than an e-mail address.</summary>
public sealed class LabelNotEmail : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG271", "label-not-email",
        "Label typed `email` by the label schema is not an e-mail address", Severity.Warning, RuleCategory.Maintainability, ["DL3058"]);

    private const string AtomSpecials = "!#$%&'*+/=?^_`{|}~-";

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) whose key the configured `label-schema` types as `email` and whose value is not a bare address as RFC 5322 writes it (`local@domain`): the local part dot-separated words of letters, digits and ``!#$%&'*+/=?^_`{|}~-`` (or a quoted string), the domain dot-separated labels (or an address literal in brackets). A display name (`Team <team@example.com>`) is not a bare address. Values from variables and empty values (STG264) are left alone.",
        WhyItMatters: "Tools send notices to these labels; a name, a URL or `team at example.com` reaches no one.",
        Bad: "# label-schema: {maintainer: email}\nLABEL maintainer=\"Platform team\"",
        Good: "LABEL maintainer=platform@example.com",
        FixSafety: "No automatic fix.",
        Options: Labels.SchemaOption("email"));

    public override void Check(RuleContext context)
    {
        foreach (var (label, key, value) in Labels.OfKind(context, "email"))
        {
            if (!IsAddress(value))
                context.Report(label.Pair.ValueSpan, $"label `{key}` should be an e-mail address such as `team@example.com`, not `{value}`", label.Stage);
        }
    }

    private static bool IsAddress(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1)
            return false;
        var local = value[..at];
        var domain = value[(at + 1)..];
        var localOk = local.Length >= 2 && local[0] == '"' && local[^1] == '"'
            ? !local[1..^1].Any(c => c is '"' or '\\' || char.IsControl(c))
            : IsDotAtom(local, c => char.IsAsciiLetterOrDigit(c) || AtomSpecials.Contains(c));
        var domainOk = domain[0] == '['
            ? domain[^1] == ']' && domain.Length > 2 && !domain[1..^1].Any(c => c is '[' or ']' or '\\' || char.IsWhiteSpace(c))
            : IsDotAtom(domain, c => char.IsAsciiLetterOrDigit(c) || c == '-');
        return localOk && domainOk;
    }

    private static bool IsDotAtom(string text, Func<char, bool> allowed)
    {
        foreach (var atom in text.Split('.'))
        {
            if (atom.Length == 0 || !atom.All(allowed))
                return false;
        }
        return true;
    }
}
