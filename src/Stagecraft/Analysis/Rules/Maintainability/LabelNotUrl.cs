using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG265: a label the schema types as <c>url</c> holds something else.</summary>
public sealed class LabelNotUrl : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG265", "label-not-url",
        "Label typed `url` by the label schema is not a URL", Severity.Warning, RuleCategory.Maintainability, ["DL3052"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) whose key the configured `label-schema` types as `url` and whose value is not an absolute URI (RFC 3986): a scheme such as `https:`, then only characters a URI may hold, with `%` followed by two hex digits. Values from variables and empty values (STG264) are left alone.",
        WhyItMatters: "Tools follow these labels (a registry links `org.opencontainers.image.source` to the code); `github.com/example/app` without a scheme, or a URL with spaces, is a dead link.",
        Bad: "# label-schema: {org.opencontainers.image.source: url}\nLABEL org.opencontainers.image.source=github.com/example/app",
        Good: "LABEL org.opencontainers.image.source=https://github.com/example/app",
        FixSafety: "No automatic fix.",
        Options: Labels.SchemaOption("url"));

    public override void Check(RuleContext context)
    {
        foreach (var (label, key, value) in Labels.OfKind(context, "url"))
        {
            if (!IsAbsoluteUri(value))
                context.Report(label.Pair.ValueSpan, $"label `{key}` should be a URL with a scheme (`https://…`), not `{value}`", label.Stage);
        }
    }

    private static bool IsAbsoluteUri(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
            return false;
        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(value[i]) && value[i] is not ('+' or '-' or '.'))
                return false;
        }
        for (var i = colon + 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                    return false;
                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !"-._~:/?#[]@!$&'()*+,;=".Contains(c))
            {
                return false;
            }
        }
        return true;
    }
}
