using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Syntax;

namespace Stagecraft.Fixing;

/// <summary>
/// Applies the fixes of one lint of one file in a single pass. Fixes are taken in a fixed order (their first edit's
/// start, then rule id, then title) and each is applied whole or not at all: one whose edit overlaps or touches an edit
/// already taken is skipped with the reason (the runner lints again and retries it), except that an edit identical to
/// one already taken (two findings asking for the same change) counts once.
/// A result that no longer parses is refused fix by fix. Every byte outside the edits is copied unchanged.
/// </summary>
public static class FixApplier
{
    /// <param name="tree">The parsed text the findings were reported on.</param>
    /// <param name="findings">The findings whose fixes to apply (already chosen by a <see cref="FixSelection"/>).</param>
    /// <param name="plannedFiles">File edits earlier rounds already took; an identical one is dropped silently, a different one on the same file is skipped.</param>
    public static FixRound ApplyRound(SyntaxTree tree, IEnumerable<Finding> findings, int round = 1, IReadOnlyCollection<FileEdit>? plannedFiles = null)
    {
        var source = tree.Source;
        var candidates = findings.Where(f => f.Fix is not null)
            .Select(f => Prepare(source, f))
            .OrderBy(c => c.Order).ThenBy(c => c.Finding.Rule.Id, StringComparer.Ordinal).ThenBy(c => c.Finding.Fix!.Title, StringComparer.Ordinal)
            .ThenBy(c => c.Finding.Span.Start)
            .ToList();
        var taken = new List<Candidate>();
        var takenEdits = new List<(TextEdit Edit, string RuleId)>();
        var takenClaims = new List<(TextEdit Edit, string RuleId)>();
        var takenFiles = new List<FileEdit>(plannedFiles ?? []);
        var skipped = new List<SkippedFix>();
        foreach (var candidate in candidates)
        {
            var fix = candidate.Finding.Fix!;
            var newEdits = candidate.Edits.Where(e => !takenEdits.Any(t => t.Edit == e)).ToList();
            var newFiles = fix.FileEdits.Where(e => !takenFiles.Contains(e)).ToList();
            if (newEdits.Count == 0 && newFiles.Count == 0)
                continue; // everything it asks for is already being done
            if (Conflict(newEdits, takenEdits) is { } clash)
            {
                skipped.Add(Skip(candidate, round, $"overlaps {clash.RuleId}'s edit at {Where(source, clash.Edit.Span.Start)}"));
                continue;
            }
            // A place another fix claims, or a claim on a place already edited: whichever comes second waits a round.
            if ((Conflict(newEdits, takenClaims) ?? Conflict(candidate.Claims, takenEdits)) is { } claimed)
            {
                skipped.Add(Skip(candidate, round, $"{claimed.RuleId}'s fix changes what {Where(source, claimed.Edit.Span.Start)} means"));
                continue;
            }
            if (newFiles.FirstOrDefault(f => takenFiles.Any(t => PathsEqual(t.Path, f.Path))) is { } file)
            {
                skipped.Add(Skip(candidate, round, $"another fix already changes {file.Path}"));
                continue;
            }
            if (HasSelfOverlap(newEdits))
            {
                skipped.Add(Skip(candidate, round, "its own edits overlap"));
                continue;
            }
            taken.Add(candidate with { Edits = newEdits, Files = newFiles });
            takenEdits.AddRange(newEdits.Select(e => (e, candidate.Finding.Rule.Id)));
            takenClaims.AddRange(candidate.Claims.Select(c => (c, candidate.Finding.Rule.Id)));
            takenFiles.AddRange(newFiles);
        }

        var after = Splice(source.Bytes, taken.SelectMany(c => c.Edits));
        if (taken.Count > 0 && !tree.HasErrors && SyntaxTree.Parse(after).HasErrors)
            (taken, after) = KeepThoseThatParse(source, taken, skipped, round);
        var applied = taken.Select(c => new AppliedFix(c.Finding.Rule.Id, c.Finding.Fix!.Title, c.Finding.Fix.Safety, c.Finding.Range.Start, round, c.Edits, c.Files)).ToList();
        return new FixRound(round, source.Memory.ToArray(), after, applied, skipped);
    }

    /// <summary>Adds the taken fixes back one at a time, refusing each that makes the file fail to parse.</summary>
    private static (List<Candidate> Kept, byte[] After) KeepThoseThatParse(SourceText source, List<Candidate> taken, List<SkippedFix> skipped, int round)
    {
        var kept = new List<Candidate>();
        var after = source.Memory.ToArray();
        foreach (var candidate in taken)
        {
            var attempt = Splice(source.Bytes, kept.Append(candidate).SelectMany(c => c.Edits));
            var tree = SyntaxTree.Parse(attempt);
            if (tree.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
            {
                skipped.Add(Skip(candidate, round, $"the result would not parse ({Where(tree.Source, error.Span.Start)}: {error.Message})"));
                continue;
            }
            kept.Add(candidate);
            after = attempt;
        }
        return (kept, after);
    }

    /// <summary>The text with the edits made; edits must not overlap (inserts at one offset go before a replacement there).</summary>
    public static byte[] Splice(ReadOnlySpan<byte> text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length).ToList();
        var output = new List<byte>(text.Length + 64);
        var position = 0;
        foreach (var edit in ordered)
        {
            output.AddRange(text[position..edit.Span.Start]);
            output.AddRange(Encoding.UTF8.GetBytes(edit.NewText));
            position = edit.Span.End;
        }
        output.AddRange(text[position..]);
        return [.. output];
    }

    private sealed record Candidate(Finding Finding, IReadOnlyList<TextEdit> Edits, IReadOnlyList<FileEdit> Files, int Order)
    {
        /// <summary>The fix's claims, as empty edits so the overlap test applies to them unchanged.</summary>
        public List<TextEdit> Claims { get; } = [.. Finding.Fix!.Claims.Select(span => new TextEdit(span, ""))];
    }

    private static Candidate Prepare(SourceText source, Finding finding)
    {
        var fix = finding.Fix!;
        var edits = fix.Edits.Select(e => e with { NewText = LineEndings.Adapt(e.NewText, source, e.Span.Start) }).Distinct().ToList();
        var order = edits.Count > 0 ? edits.Min(e => e.Span.Start) : int.MaxValue;
        return new Candidate(finding, edits, fix.FileEdits, order);
    }

    private static (TextEdit Edit, string RuleId)? Conflict(List<TextEdit> edits, List<(TextEdit Edit, string RuleId)> taken)
    {
        foreach (var edit in edits)
        {
            foreach (var other in taken)
            {
                if (Overlap(edit, other.Edit))
                    return other;
            }
        }
        return null;
    }

    private static bool HasSelfOverlap(List<TextEdit> edits)
    {
        for (var i = 0; i < edits.Count; i++)
        {
            for (var j = i + 1; j < edits.Count; j++)
            {
                if (Overlap(edits[i], edits[j]))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Edits overlap when they share a byte or merely touch: an insert at either end of a replacement, two replacements
    /// side by side, two inserts at one offset. Touching edits are usually two rules working on the same spot (one
    /// appends to a RUN, another joins that RUN with the next), and what one means after the other is only known by
    /// linting again, so the later one waits a round.
    /// </summary>
    internal static bool Overlap(TextEdit a, TextEdit b) => a.Span.Start <= b.Span.End && b.Span.Start <= a.Span.End;

    private static SkippedFix Skip(Candidate candidate, int round, string reason) =>
        new(candidate.Finding.Rule.Id, candidate.Finding.Fix!.Title, candidate.Finding.Range.Start, round, reason);

    private static string Where(SourceText source, int offset)
    {
        var position = source.GetPosition(offset);
        return $"{position.Line}:{position.Column}";
    }

    private static bool PathsEqual(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
