using Stagecraft.Semantics;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG103: two stages with the same name (names ignore case); BuildKit's DuplicateStageName.</summary>
public sealed class DuplicateStageName : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG103", "duplicate-stage-name",
        "Two stages share a name", Severity.Error, RuleCategory.Correctness, ["DuplicateStageName", "DL3024"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A `FROM … AS name` whose name an earlier stage already has, compared in lower case as BuildKit compares names. BuildKit's `DuplicateStageName` check (a warning there) and hadolint's DL3024 (an error); reported as an error because the classic builder refuses such a file.",
        WhyItMatters: "BuildKit builds the file and silently resolves the name to the latest stage of that name: `--from=name` and `--target name` use the last one, a `FROM name` the last one above it. Which stage a reference means then depends on where it is written, and the legacy builder refuses the file outright.",
        Bad: "FROM debian:12 AS builder\nRUN apt-get update && apt-get install -y curl\nFROM golang:1.22 AS builder\nRUN go build -o /app .",
        Good: "FROM debian:12 AS fetch\nRUN apt-get update && apt-get install -y curl\nFROM golang:1.22 AS build\nRUN go build -o /app .",
        FixSafety: "No automatic fix: which references mean which stage is for the author to decide.");

    public override void Check(RuleContext context)
    {
        var seen = new Dictionary<string, Stage>(StringComparer.Ordinal);
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Name is not { } name || stage.From.StageName is not { } written)
                continue;
            if (seen.TryGetValue(name, out var first))
            {
                context.Report(written.Span,
                    $"stage name `{name}` is already used by stage {first.Index} (line {first.From.StartLine}); BuildKit then takes the last stage of a name for `--from` and `--target`: give each stage its own name",
                    stage);
            }
            else
            {
                seen[name] = stage;
            }
        }
    }
}
