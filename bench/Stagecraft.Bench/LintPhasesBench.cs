using System.Diagnostics;
using Stagecraft.Analysis;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Bench;

/// <summary>
/// Where a lint of the corpus spends its time and its allocations, in process on one thread: the parser, the semantic
/// model, the shell reader (every RUN's script), and each rule's share of a lint with every rule. Allocated bytes are
/// exact and steady from run to run, so they compare changes better than times on a shared machine.
/// </summary>
internal static class LintPhasesBench
{
    public static int Run(InputSet corpus, int passes)
    {
        var trees = corpus.Files.Select(f => SyntaxTree.Parse(f.Bytes, f.Name)).ToArray();
        // ShellCheck (STG300) runs a process per file: it would measure ShellCheck.
        var rules = RuleCatalog.All.Where(r => r.Descriptor.Id != "STG300").Select(r => new TimedRule(r)).ToArray();
        var scripts = new Linter([new ReadEveryScript()]);
        var none = new Linter([]);
        var all = new Linter([new ReadEveryScript(), .. rules]);
        for (var warm = 0; warm < 20; warm++) // every method compiled at its final tier before anything is timed
        {
            foreach (var tree in trees)
                all.Lint(tree, "");
        }

        Console.WriteLine($"Stagecraft lint phases: {corpus.Files.Count} files, {corpus.TotalBytes:N0} bytes; best of {passes} passes, bytes allocated per pass");
        Row("parse", Measure(passes, () => { foreach (var f in corpus.Files) SyntaxTree.Parse(f.Bytes, f.Name); }));
        Row("model", Measure(passes, () => { foreach (var t in trees) SemanticModel.Build(t, null); }));
        var bare = Measure(passes, () => { foreach (var t in trees) none.Lint(t, ""); });
        Row("lint, no rules", bare);
        var withScripts = Measure(passes, () => { foreach (var t in trees) scripts.Lint(t, ""); });
        Row("+ shell scripts", (withScripts.Ms - bare.Ms, withScripts.Bytes - bare.Bytes));
        foreach (var rule in rules)
            rule.Reset();
        var lintAll = Measure(passes, () => { foreach (var t in trees) all.Lint(t, ""); });
        Row("lint, all rules", lintAll);

        Console.WriteLine();
        Console.WriteLine("each rule's share of those passes (a cache several rules share is charged to the first that fills it)");
        var runs = passes + 2; // Measure runs the action twice before it times
        double total = rules.Sum(r => r.Ticks);
        foreach (var rule in rules.OrderByDescending(r => r.Ticks).Take(25))
        {
            Console.WriteLine($"  {rule.Descriptor.Id} {rule.Inner.GetType().Name,-42} {Milliseconds(rule.Ticks) / runs,8:F2} ms {rule.Bytes / 1e6 / runs,8:F3} MB {100 * rule.Ticks / total,5:F1} %");
        }
        Console.WriteLine($"  all {rules.Length} rules {"",-39} {Milliseconds((long)total) / runs,8:F2} ms {rules.Sum(r => r.Bytes) / 1e6 / runs,8:F3} MB");
        return 0;
    }

    private static (double Ms, long Bytes) Measure(int passes, Action pass)
    {
        pass();
        pass();
        var best = double.MaxValue;
        var bytes = long.MaxValue;
        for (var i = 0; i < passes; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, Milliseconds(Stopwatch.GetTimestamp() - start));
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return (best, bytes);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static void Row(string name, (double Ms, long Bytes) result) =>
        Console.WriteLine($"  {name,-18} {result.Ms,8:F2} ms {result.Bytes / 1e6,8:F3} MB");

    /// <summary>A rule with a stopwatch and an allocation counter around its check.</summary>
    private sealed class TimedRule(Rule inner) : Rule
    {
        public Rule Inner => inner;

        public long Ticks { get; private set; }

        public long Bytes { get; private set; }

        public override RuleDescriptor Descriptor => inner.Descriptor;

        public override RuleExplanation Explanation => inner.Explanation;

        public void Reset() => (Ticks, Bytes) = (0, 0);

        public override void Check(RuleContext context)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            inner.Check(context);
            Ticks += Stopwatch.GetTimestamp() - start;
            Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
        }
    }

    /// <summary>Reads every RUN's shell script, as the first rule that needs one would, and reports nothing.</summary>
    private sealed class ReadEveryScript : Rule
    {
        private static readonly RuleDescriptor Id = RuleDescriptor.Create("STG999", "read-every-script", "Reads every RUN's shell script",
            Severity.Info, RuleCategory.Maintainability, []);

        public override RuleDescriptor Descriptor => Id;

        public override RuleExplanation Explanation { get; } = new("-", "-", "FROM scratch", "FROM scratch", "-");

        public override void Check(RuleContext context)
        {
            foreach (var stage in context.Model.Stages)
            {
                foreach (var instruction in stage.Instructions)
                {
                    var run = instruction as RunInstructionSyntax ?? (instruction as OnbuildInstructionSyntax)?.Trigger as RunInstructionSyntax;
                    if (run is not null && context.Script(run) is { } script)
                        _ = script.Script;
                }
            }
        }
    }
}
