using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG267: a label the schema types as <c>spdx</c> holds something other than an SPDX license expression.</summary>
public sealed class LabelNotSpdx : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG267", "label-not-spdx",
        "Label typed `spdx` by the label schema is not an SPDX license", Severity.Warning, RuleCategory.Maintainability, ["DL3054"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A LABEL (ONBUILD LABELs included) whose key the configured `label-schema` types as `spdx` and whose value is not an SPDX license expression: license ids such as `MIT` or `Apache-2.0` (matched without regard to case, as SPDX says; `+` for \"or later\"), joined by `AND`/`OR`, with `WITH` and an exception id, in parentheses, or the user's own `LicenseRef-…`. hadolint accepts a single license id only; expressions such as `Apache-2.0 OR MIT` are accepted here. Stagecraft knows the hundred or so licenses that cover nearly all software, not the full SPDX list, so a rare id is reported as unknown. Values from variables and empty values (STG264) are left alone.",
        WhyItMatters: "License scanners and SBOM tools read `org.opencontainers.image.licenses` as an SPDX expression; `Apache License 2.0`, `GPLv3` or `BSD` match no license and leave the image's license unknown.",
        Bad: "# label-schema: {org.opencontainers.image.licenses: spdx}\nLABEL org.opencontainers.image.licenses=\"Apache License 2.0\"",
        Good: "LABEL org.opencontainers.image.licenses=Apache-2.0",
        FixSafety: "No automatic fix.",
        Options: Labels.SchemaOption("spdx"));

    public override void Check(RuleContext context)
    {
        foreach (var (label, key, value) in Labels.OfKind(context, "spdx"))
        {
            if (SpdxLicenses.FirstProblem(value) is not { } problem)
                continue;
            var hint = problem.Length > 0 && Spelling.Closest(problem, SpdxLicenses.Known) is { } near ? $" (did you mean `{near}`?)" : "";
            context.Report(label.Pair.ValueSpan,
                $"label `{key}` should be an SPDX license expression such as `Apache-2.0` or `MIT OR Apache-2.0`; `{(problem.Length > 0 ? problem : value)}` is not one{hint}",
                label.Stage);
        }
    }
}
