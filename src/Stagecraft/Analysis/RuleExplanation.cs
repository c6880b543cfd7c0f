namespace Stagecraft.Analysis;

/// <summary>
/// A rule's page, in fixed sections. <c>stagecraft explain</c>, <c>docs/rules/*.md</c> and SARIF help are all made
/// from it, so they cannot drift apart.
/// </summary>
/// <param name="Flags">What the rule flags, in one or two sentences.</param>
/// <param name="WhyItMatters">Why it costs size, build time or safety, with numbers where known.</param>
/// <param name="Bad">A short Dockerfile snippet that the rule flags.</param>
/// <param name="Good">The same snippet written the preferred way.</param>
/// <param name="FixSafety">What the automatic fix does and whether it can change behaviour; "No automatic fix." when none.</param>
/// <param name="Options">Configuration that changes the rule, or null.</param>
public sealed record RuleExplanation(string Flags, string WhyItMatters, string Bad, string Good, string FixSafety, string? Options = null);
