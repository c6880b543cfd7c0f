using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Fixing;

/// <summary>
/// Fixes one file to a fixed point: lint, apply the selected fixes, lint the result again and repeat, because one fix
/// can reveal another (a stage gets a name, then its reference can use it) and a fix skipped for an overlap gets
/// another chance on the new text. Stops when a round applies nothing, the text repeats, or after
/// <see cref="MaxRounds"/> rounds. A file that does not parse is left alone.
/// </summary>
public static class FixRunner
{
    public const int MaxRounds = 10;

    /// <param name="lint">Lints a tree of this file with the file's configuration and build context.</param>
    /// <param name="filesDone">File edits already planned elsewhere (by an earlier run over this file, or for another Dockerfile of the same context).</param>
    public static FixResult Run(byte[] original, string path, Func<SyntaxTree, IReadOnlyList<Finding>> lint, FixSelection selection, int maxRounds = MaxRounds,
        IReadOnlyCollection<FileEdit>? filesDone = null)
    {
        var rounds = new List<FixRound>();
        var files = new List<FileEdit>(filesDone ?? []);
        var seen = new HashSet<string> { Convert.ToBase64String(original) };
        var text = original;
        var tree = SyntaxTree.Parse(text, path);
        if (tree.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            return new FixResult(path, original, original, rounds, [], [], new FixLeftOver(0, 0, 0)) { ParseError = error, Source = tree.Source };
        var findings = lint(tree);
        var stoppedEarly = false;
        for (var number = 1; ; number++)
        {
            var chosen = findings.Where(selection.Applies).ToList();
            if (chosen.Count == 0)
                break;
            if (number > maxRounds)
            {
                stoppedEarly = true;
                break;
            }
            var round = FixApplier.ApplyRound(tree, chosen, number, files);
            rounds.Add(round);
            files.AddRange(round.Applied.SelectMany(a => a.FileEdits));
            // Only files changed: the Dockerfile is the same, so linting it again would find the same.
            if (round.Applied.All(a => a.Edits.Count == 0))
                break;
            text = round.After;
            tree = SyntaxTree.Parse(text, path);
            findings = lint(tree);
            if (!seen.Add(Convert.ToBase64String(text)))
            {
                stoppedEarly = true; // fixes that undo each other
                break;
            }
        }
        var left = new FixLeftOver(
            findings.Count(f => f.Fix is { } fix && selection.Refusal(f.Rule, fix) == FixLeftOut.NeedsUnsafe),
            findings.Count(f => f.Fix is { } fix && selection.Refusal(f.Rule, fix) == FixLeftOut.NeedsMultiStage),
            findings.Count(f => f.Fix is null || selection.Refusal(f.Rule, f.Fix) == FixLeftOut.DisplayOnly));
        var applied = rounds.SelectMany(r => r.Applied).ToList();
        // A fix skipped in one round and applied in a later one (after the re-lint) was only put off.
        var skipped = rounds.SelectMany(r => r.Skipped).ToList();
        // One whose finding is gone in the end was made unnecessary by the fix that won (a RUN it would join moved away).
        var deferred = skipped.Where(s => applied.Any(a => a.Round > s.Round && a.RuleId == s.RuleId && a.Title == s.Title)
            || !findings.Any(f => f.Rule.Id == s.RuleId && f.Fix?.Title == s.Title && selection.Applies(f))).ToList();
        return new FixResult(path, original, text, rounds, applied, [.. skipped.Except(deferred)], left)
        {
            Deferred = deferred,
            StoppedEarly = stoppedEarly,
            Source = tree.Source,
            RemainingFindings = findings,
        };
    }
}

/// <summary>What a run left for a person: fixes that need <c>--unsafe</c> or <c>--multi-stage</c>, and findings without an automatic fix.</summary>
public sealed record FixLeftOver(int NeedUnsafe, int NeedMultiStage, int WithoutFix);

/// <summary>The outcome of fixing one file.</summary>
public sealed record FixResult(string Path, byte[] Original, byte[] Fixed, IReadOnlyList<FixRound> Rounds,
    IReadOnlyList<AppliedFix> Applied, IReadOnlyList<SkippedFix> Skipped, FixLeftOver LeftOver)
{
    /// <summary>
    /// Fixes skipped in a round (an overlap) and then applied in a later one, or no longer wanted by the end (their finding
    /// is gone); <see cref="Skipped"/> holds only those still wanted and never applied.
    /// </summary>
    public IReadOnlyList<SkippedFix> Deferred { get; init; } = [];

    /// <summary>Set when the file does not parse: nothing was changed.</summary>
    public SyntaxDiagnostic? ParseError { get; init; }

    /// <summary>The final text, parsed (for positions in messages).</summary>
    public required SourceText Source { get; init; }

    /// <summary>True when fixes were still applying after <see cref="FixRunner.MaxRounds"/> rounds.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>The findings of the fixed text (of the original text when nothing applied).</summary>
    public IReadOnlyList<Finding> RemainingFindings { get; init; } = [];

    public bool Changed => !Original.AsSpan().SequenceEqual(Fixed) || FileEdits.Count > 0;

    /// <summary>Every file edit the applied fixes make, in order.</summary>
    public IReadOnlyList<FileEdit> FileEdits => [.. Applied.SelectMany(a => a.FileEdits)];
}
