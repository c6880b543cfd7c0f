using System.Text.RegularExpressions;
using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG266: a label the schema types as <c>rfc3339</c> holds something other than an RFC 3339 time.</summary>
public sealed partial class LabelNotRfc3339 : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG266", "label-not-rfc3339",
        "Label typed `rfc3339` by the label schema is not an RFC 3339 time", Severity.Warning, RuleCategory.Maintainability, ["DL3053"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) whose key the configured `label-schema` types as `rfc3339` and whose value is not an RFC 3339 date and time: `2024-05-01T12:30:00Z`, with optional fractions of a second and a `Z` or `±hh:mm` offset (a space instead of the `T` is accepted, as RFC 3339 allows), and a real calendar date. Values from variables (the usual `$BUILD_DATE`) and empty values (STG264) are left alone.",
        WhyItMatters: "`org.opencontainers.image.created` and similar labels are compared and sorted by tools; `05/01/2024` or a time without a zone cannot be read reliably.",
        Bad: "# label-schema: {org.opencontainers.image.created: rfc3339}\nLABEL org.opencontainers.image.created=\"2024-05-01 12:30\"",
        Good: "ARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE",
        FixSafety: "No automatic fix.",
        Options: Labels.SchemaOption("rfc3339"));

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$")]
    private static partial Regex DateTime();

    public override void Check(RuleContext context)
    {
        foreach (var (label, key, value) in Labels.OfKind(context, "rfc3339"))
        {
            if (!IsRfc3339(value))
                context.Report(label.Pair.ValueSpan, $"label `{key}` should be an RFC 3339 time such as `2024-05-01T12:30:00Z`, not `{value}`", label.Stage);
        }
    }

    private static bool IsRfc3339(string value)
    {
        var match = DateTime().Match(value);
        if (!match.Success)
            return false;
        int Part(int group) => int.Parse(match.Groups[group].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var (year, month, day) = (Part(1), Part(2), Part(3));
        return month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(Math.Max(year, 1), month)
            && Part(4) <= 23 && Part(5) <= 59 && Part(6) <= 60
            && (!match.Groups[7].Success || (Part(7) <= 23 && Part(8) <= 59));
    }
}
