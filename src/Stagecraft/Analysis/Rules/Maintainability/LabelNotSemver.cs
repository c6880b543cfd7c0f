using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG269: a label the schema types as <c>semver</c> holds something other than a semantic version.</summary>
public sealed class LabelNotSemver : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG269", "label-not-semver",
        "Label typed `semver` by the label schema is not a semantic version", Severity.Warning, RuleCategory.Maintainability, ["DL3056"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) whose key the configured `label-schema` types as `semver` and whose value is not a Semantic Versioning 2.0.0 version: `MAJOR.MINOR.PATCH` without leading zeros, optionally `-prerelease` and `+build` parts (`1.4.0`, `2.0.0-rc.1+build.5`). A leading `v` is not part of a semantic version. Values from variables and empty values (STG264) are left alone.",
        WhyItMatters: "Tools sort and compare these labels as versions; `1.4`, `v1.4.0` or `latest` break that ordering.",
        Bad: "# label-schema: {org.opencontainers.image.version: semver}\nLABEL org.opencontainers.image.version=v1.4",
        Good: "LABEL org.opencontainers.image.version=1.4.0",
        FixSafety: "No automatic fix.",
        Options: Labels.SchemaOption("semver"));

    public override void Check(RuleContext context)
    {
        foreach (var (label, key, value) in Labels.OfKind(context, "semver"))
        {
            if (!IsSemanticVersion(value))
                context.Report(label.Pair.ValueSpan, $"label `{key}` should be a semantic version such as `1.4.0`, not `{value}`", label.Stage);
        }
    }

    private static bool IsSemanticVersion(string value)
    {
        var plus = value.IndexOf('+');
        var withoutBuild = plus < 0 ? value : value[..plus];
        if (plus >= 0 && !Identifiers(value[(plus + 1)..], numericRule: false))
            return false;
        var dash = withoutBuild.IndexOf('-');
        var core = dash < 0 ? withoutBuild : withoutBuild[..dash];
        if (dash >= 0 && !Identifiers(withoutBuild[(dash + 1)..], numericRule: true))
            return false;
        var parts = core.Split('.');
        return parts.Length == 3 && parts.All(p => IsNumber(p));
    }

    /// <summary>Dot-separated, non-empty identifiers of [0-9A-Za-z-]; in a prerelease a numeric one has no leading zero.</summary>
    private static bool Identifiers(string text, bool numericRule)
    {
        foreach (var identifier in text.Split('.'))
        {
            if (identifier.Length == 0 || identifier.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
                return false;
            if (numericRule && identifier.All(char.IsAsciiDigit) && !IsNumber(identifier))
                return false;
        }
        return true;
    }

    private static bool IsNumber(string part) => part.Length > 0 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0');
}
