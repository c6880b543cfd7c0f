using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Images.Inspection;

/// <summary>
/// Maps history steps back to the Dockerfile that built the image. The image's history holds the base image's steps and
/// then one step per instruction of the final stage and the stages it is built on (FROM itself makes none), so the
/// instructions are aligned with the history in order: the alignment that matches the most, exact matches weighing more
/// than matches of the same kind only, and of equal ones the latest in the history. Steps before the first matched one
/// came with the base image and map to the FROM line; the others that match nothing say so in a note.
/// </summary>
internal static class DockerfileMapping
{
    private const int ExactWeight = 3;
    private const int SameKindWeight = 1;

    // A history or a Dockerfile of a few thousand steps is already absurd; beyond this the alignment is skipped.
    private const long MaxCells = 4_000_000;

    public static HistoryStep[] Apply(SemanticModel model, string dockerfile, HistoryStep[] steps, List<string> notes)
    {
        if (model.TargetStage is not { } target)
        {
            notes.Add($"{dockerfile}: has no stage (no FROM line); its instructions cannot be matched to the image's history");
            return steps;
        }
        var chain = StageChain(target);
        var candidates = chain.SelectMany(stage => stage.Instructions
                .Where(MakesHistory)
                .Select(instruction => Candidate.For(model, stage, instruction)))
            .ToArray();
        if ((long)steps.Length * candidates.Length > MaxCells)
        {
            notes.Add($"{dockerfile}: {candidates.Length} instructions against {steps.Length} history steps is too many to match; no layer is mapped to a line");
            return steps;
        }

        var parsed = steps.Select(s => BuildStep.Parse(s.CreatedBy)).ToArray();
        var matched = Align(parsed, candidates);
        var result = (HistoryStep[])steps.Clone();
        var first = Array.FindIndex(matched, m => m.Candidate >= 0);
        var root = chain[0];
        var unmatched = new List<int>();
        for (var i = 0; i < steps.Length; i++)
        {
            var (candidate, weight) = matched[i];
            if (candidate >= 0)
                result[i] = steps[i] with { Instruction = candidates[candidate].Describe(weight == ExactWeight ? DockerfileMatch.Exact : DockerfileMatch.SameKind) };
            else if (first > i && root.Base.Kind == StageBaseKind.Image)
                result[i] = steps[i] with { Instruction = Describe(root, root.From, DockerfileMatch.BaseImage) };
            else
                unmatched.Add(i);
        }

        if (first < 0)
        {
            notes.Add($"{dockerfile}: no instruction of stage {target.DisplayName} matches the image's history; was the image built from it?");
            return result;
        }
        if (unmatched.Count > 0)
        {
            var example = steps[unmatched[0]];
            notes.Add($"{dockerfile}: {Plural(unmatched.Count, "history step matches", "history steps match")} no instruction " +
                $"(first: step {example.Index}, {Shorten(example.CreatedBy ?? "no created_by")})");
        }
        var used = matched.Where(m => m.Candidate >= 0).Select(m => m.Candidate).ToHashSet();
        var missing = Enumerable.Range(0, candidates.Length).Where(c => !used.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            notes.Add($"{dockerfile}: {Plural(missing.Length, "instruction has", "instructions have")} no step in the image's history " +
                $"(first: line {candidates[missing[0]].Instruction.StartLine}); the image may come from another version of the file");
        }
        return result;
    }

    /// <summary>The target stage and the stages it is built on (FROM another stage), the first one first.</summary>
    private static List<Stage> StageChain(Stage target)
    {
        var chain = new List<Stage>();
        for (Stage? stage = target; stage is not null && !chain.Contains(stage); stage = stage.Base.Kind == StageBaseKind.Stage ? stage.Base.Stage : null)
            chain.Insert(0, stage);
        return chain;
    }

    /// <summary>Every instruction but FROM leaves a history entry; an instruction the builders do not know fails the build.</summary>
    private static bool MakesHistory(InstructionSyntax instruction) =>
        instruction.Kind is not (InstructionKind.From or InstructionKind.Unknown);

    /// <summary>
    /// Weighted longest common subsequence of steps and candidates. Filled from the end, then read from the start,
    /// preferring to pass over a step when that loses nothing, so each instruction takes the latest step it can.
    /// </summary>
    private static (int Candidate, int Weight)[] Align(BuildStep?[] steps, Candidate[] candidates)
    {
        var rows = steps.Length;
        var columns = candidates.Length;
        var best = new int[(rows + 1) * (columns + 1)];
        int At(int i, int j) => best[i * (columns + 1) + j];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                var weight = candidates[j].Weigh(steps[i]);
                var value = Math.Max(At(i + 1, j), At(i, j + 1));
                if (weight > 0)
                    value = Math.Max(value, weight + At(i + 1, j + 1));
                best[i * (columns + 1) + j] = value;
            }
        }

        var result = new (int Candidate, int Weight)[rows];
        Array.Fill(result, (-1, 0));
        for (int i = 0, j = 0; i < rows && j < columns;)
        {
            var here = At(i, j);
            if (At(i + 1, j) == here)
            {
                i++;
                continue;
            }
            var weight = candidates[j].Weigh(steps[i]);
            if (weight > 0 && weight + At(i + 1, j + 1) == here)
            {
                result[i] = (j, weight);
                i++;
                j++;
                continue;
            }
            j++;
        }
        return result;
    }

    private static DockerfileInstruction Describe(Stage stage, InstructionSyntax instruction, DockerfileMatch match) =>
        new(instruction.StartLine, instruction.EndLine, stage.DisplayName, BuildStep.Collapse(instruction.LogicalText), match);

    private static string Shorten(string text)
    {
        var collapsed = BuildStep.Collapse(text);
        return collapsed.Length <= 60 ? collapsed : collapsed[..59] + "…";
    }

    private static string Plural(int count, string one, string many) => count == 1 ? "1 " + one : $"{count} {many}";

    /// <summary>An instruction with the texts a builder may have recorded for it.</summary>
    private sealed class Candidate
    {
        private readonly Stage _stage;
        private readonly string _keyword;
        private readonly HashSet<string> _texts;
        private readonly HashSet<string> _destinations;

        private Candidate(Stage stage, InstructionSyntax instruction, string keyword, HashSet<string> texts, HashSet<string> destinations)
        {
            _stage = stage;
            Instruction = instruction;
            _keyword = keyword;
            _texts = texts;
            _destinations = destinations;
        }

        public InstructionSyntax Instruction { get; }

        public static Candidate For(SemanticModel model, Stage stage, InstructionSyntax instruction)
        {
            var keyword = instruction.Kind.ToString().ToUpperInvariant();
            var texts = new HashSet<string>(StringComparer.Ordinal);
            var destinations = new HashSet<string>(StringComparer.Ordinal);
            void AddText(string text) => texts.Add(BuildStep.Collapse(text));

            AddText(instruction.ArgumentsText);
            // The whole line after the keyword keeps the flags (COPY --chown=… src dst), as kaniko records it.
            var logical = BuildStep.Collapse(instruction.LogicalText);
            var space = logical.IndexOf(' ');
            if (space > 0)
                texts.Add(logical[(space + 1)..]);

            switch (instruction)
            {
                case RunInstructionSyntax { IsShellForm: true } run:
                    // What the builders run: the stage's shell (SHELL or /bin/sh -c) followed by the command.
                    AddText(string.Join(' ', stage.ShellAt(run)) + " " + run.ShellText);
                    AddText(run.ShellText!);
                    break;
                case RunInstructionSyntax run:
                    AddText(string.Join(' ', run.ExecForm.Select(a => a.Value)));
                    break;
                case FileTransferInstructionSyntax transfer when transfer.Destination is { } destination:
                    // BuildKit records sources and destination; the classic builder only the destination (expanded).
                    var expanded = model.Expand(transfer, destination.Value);
                    destinations.Add(destination.Value);
                    if (expanded.Succeeded)
                        destinations.Add(expanded.Value);
                    var sources = transfer.Sources.Select(s => s.Value).ToArray();
                    AddText(string.Join(' ', sources.Append(destination.Value)));
                    if (expanded.Succeeded)
                        AddText(string.Join(' ', sources.Select(s => model.Expand(transfer, s) is { Succeeded: true } e ? e.Value : s).Append(expanded.Value)));
                    break;
                case WorkdirInstructionSyntax or UserInstructionSyntax or StopSignalInstructionSyntax or VolumeInstructionSyntax:
                    // BuildKit records these with variables expanded.
                    AddText(string.Join(' ', Expanded(model, instruction)));
                    break;
                case ExposeInstructionSyntax:
                    // BuildKit records the ports as Go prints its port set: map[443/tcp:{} 8080/tcp:{}].
                    var ports = Expanded(model, instruction).Select(p => p.Contains('/') ? p.ToLowerInvariant() : p + "/tcp").Order(StringComparer.Ordinal);
                    AddText("map[" + string.Join(' ', ports.Select(p => p + ":{}")) + "]");
                    break;
            }
            return new Candidate(stage, instruction, keyword, texts, destinations);
        }

        private static IEnumerable<string> Expanded(SemanticModel model, InstructionSyntax instruction) =>
            instruction.Arguments.Select(a => model.Expand(instruction, a.Value) is { Succeeded: true } e ? e.Value : a.Value);

        public int Weigh(BuildStep? step)
        {
            if (step is null || step.Keyword != _keyword)
                return 0;
            var exact = step.DestinationOnly ? _destinations.Contains(step.Text) : _texts.Contains(step.Text) || _texts.Contains(step.TextWithoutFlags);
            return exact ? ExactWeight : SameKindWeight;
        }

        public DockerfileInstruction Describe(DockerfileMatch match) => DockerfileMapping.Describe(_stage, Instruction, match);
    }
}
