using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Fixing;

/// <summary>
/// Which fixes a run applies: safe ones by default, unsafe ones too with <see cref="IncludeUnsafe"/>, display-only ones
/// never; only the rules in <see cref="Rules"/> when it is set. The multi-stage rewrite (the fix of STG013) is its own
/// switch: it applies only with <see cref="MultiStage"/>, which also makes it count as asked for although it is unsafe.
/// </summary>
public sealed record FixSelection
{
    public static FixSelection SafeOnly { get; } = new();

    public bool IncludeUnsafe { get; init; }

    public bool MultiStage { get; init; }

    /// <summary>Rule ids (as <see cref="RuleDescriptor.Id"/>) whose fixes may apply; null for every rule.</summary>
    public IReadOnlySet<string>? Rules { get; init; }

    /// <summary>True when the run applies this finding's fix.</summary>
    public bool Applies(Finding finding) => finding.Fix is { } fix && Refusal(finding.Rule, fix) is null;

    /// <summary>Why the fix is left out (for counting what more a flag would do), or null when it applies.</summary>
    public FixLeftOut? Refusal(RuleDescriptor rule, Fix fix)
    {
        if (Rules is not null && !Rules.Contains(rule.Id))
            return FixLeftOut.OtherRule;
        if (rule.Id == SingleStageBuild.Id.Id)
            return MultiStage && fix.Safety != FixSafety.DisplayOnly ? null : FixLeftOut.NeedsMultiStage;
        return fix.Safety switch
        {
            FixSafety.Safe => null,
            FixSafety.Unsafe => IncludeUnsafe ? null : FixLeftOut.NeedsUnsafe,
            _ => FixLeftOut.DisplayOnly,
        };
    }
}

/// <summary>Why a selection leaves a fix out.</summary>
public enum FixLeftOut
{
    OtherRule,
    NeedsUnsafe,
    NeedsMultiStage,
    DisplayOnly,
}
