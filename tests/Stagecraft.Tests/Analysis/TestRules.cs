using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>Rules that exist only in tests, so engine behaviour (configuration, suppression) can be tested before real rules land.</summary>
internal static class TestRules
{
    /// <summary>Flags every RUN instruction (id STG990, alias DL9990, name test-every-run, warning).</summary>
    public static Rule EveryRun { get; } = new EveryRunRule();

    /// <summary>Flags every FROM instruction (id STG991, name test-every-from, info).</summary>
    public static Rule EveryFrom { get; } = new EveryFromRule();

    /// <summary>The test rules plus the syntax rule: what configuration tests check ids against.</summary>
    public static IReadOnlyList<Rule> All { get; } = [.. RuleCatalog.All, EveryRun, EveryFrom];

    private static readonly RuleExplanation Explanation = new("Test.", "Test.", "FROM a", "FROM b", "No automatic fix.");

    private sealed class EveryRunRule : Rule
    {
        public override RuleDescriptor Descriptor { get; } =
            RuleDescriptor.Create("STG990", "test-every-run", "Every RUN, for tests", Severity.Warning, RuleCategory.Maintainability, ["DL9990"]);

        public override RuleExplanation Explanation => TestRules.Explanation;

        public override void Check(RuleContext context)
        {
            foreach (var run in context.Tree.Root.Instructions.OfType<RunInstructionSyntax>())
                context.Report(run.Span, "a RUN");
        }
    }

    private sealed class EveryFromRule : Rule
    {
        public override RuleDescriptor Descriptor { get; } =
            RuleDescriptor.Create("STG991", "test-every-from", "Every FROM, for tests", Severity.Info, RuleCategory.Maintainability);

        public override RuleExplanation Explanation => TestRules.Explanation;

        public override void Check(RuleContext context)
        {
            foreach (var from in context.Tree.Root.Instructions.OfType<FromInstructionSyntax>())
                context.Report(from.KeywordSpan, "a FROM");
        }
    }
}
