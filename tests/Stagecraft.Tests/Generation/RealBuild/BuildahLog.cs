using System.Text.RegularExpressions;

namespace Stagecraft.Tests.Generation.RealBuild;

/// <summary>One step of a `buildah bud` log: its stage ("2/6", null in a one-stage build), the instruction as buildah printed it, and whether buildah reused a cached layer for it.</summary>
internal sealed record BuildStep(string? Stage, string Instruction, bool UsedCache)
{
    public bool Is(string keyword) => Instruction.StartsWith(keyword + " ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Reads the steps out of a `buildah bud --layers` log (buildah 1.28): each step starts with a line
/// "[2/6] STEP 3/3: RUN …" ("STEP 3/3: …" in a one-stage build), and a step whose layer comes from the cache prints
/// "--> Using cache ID" before the next step starts. A `COPY --from` step is the exception: buildah builds the stage it
/// copies from first, so that stage's steps come between, and its cache line (if any) lands after them; callers leave
/// such steps out.
/// </summary>
internal static partial class BuildahLog
{
    [GeneratedRegex(@"^(?:\[(?<stage>\d+/\d+)\] )?STEP \d+/\d+: (?<instruction>.*)$")]
    private static partial Regex StepHeader();

    public static IReadOnlyList<BuildStep> Steps(string log)
    {
        var steps = new List<BuildStep>();
        foreach (var line in log.Split('\n'))
        {
            var header = StepHeader().Match(line.TrimEnd('\r'));
            if (header.Success)
            {
                var stage = header.Groups["stage"].Success ? header.Groups["stage"].Value : null;
                steps.Add(new BuildStep(stage, header.Groups["instruction"].Value, false));
            }
            else if (line.StartsWith("--> Using cache ", StringComparison.Ordinal) && steps.Count > 0)
            {
                steps[^1] = steps[^1] with { UsedCache = true };
            }
        }
        return steps;
    }
}
