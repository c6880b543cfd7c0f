using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG108: the first WORKDIR of a stage is a relative path, so it depends on the base image's; BuildKit's WorkdirRelativePath.</summary>
public sealed class RelativeWorkdir : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG108", "relative-workdir",
        "Relative WORKDIR before any absolute one", Severity.Warning, RuleCategory.Correctness, ["WorkdirRelativePath"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The first WORKDIR of a stage (and of the stages it is built FROM) when its path, after ARG and ENV expansion, is relative. Later WORKDIRs are relative to that first one and are not reported. A path whose variables this file does not define is left alone. ONBUILD triggers run in another build and are not checked. BuildKit's `WorkdirRelativePath` check.",
        WhyItMatters: "A relative WORKDIR is taken from the base image's working directory: `WORKDIR app` is `/app` on one base and `/usr/src/app` or `/home/node/app` on another, and it moves when the base image changes upstream, taking every later COPY and RUN with it.",
        Bad: "FROM node:22-slim\nWORKDIR app\nCOPY . .",
        Good: "FROM node:22-slim\nWORKDIR /app\nCOPY . .",
        FixSafety: "No automatic fix: the absolute path depends on the base image's working directory, which the Dockerfile does not show.");

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var hasWorkdir = new Dictionary<Stage, bool>();
        foreach (var stage in model.Stages)
        {
            var set = stage.Base.Stage is { } parent && hasWorkdir.GetValueOrDefault(parent);
            foreach (var workdir in stage.Instructions.OfType<WorkdirInstructionSyntax>())
            {
                if (!set && workdir.Value is { } value)
                {
                    var expanded = model.Expand(workdir, value.Value);
                    if (expanded.Succeeded && expanded.Unmatched.Count == 0 && !IsAbsolute(expanded.Value, stage.IsWindows))
                    {
                        context.Report(value.Span,
                            $"`WORKDIR {value.Value}` is relative to the base image's working directory, which can change upstream: write an absolute path{Example(expanded.Value, stage.IsWindows)}",
                            stage);
                    }
                }
                set = true;
            }
            hasWorkdir[stage] = set;
        }
    }

    private static bool IsAbsolute(string path, bool windows)
    {
        if (!windows)
            return path.StartsWith('/');
        return path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '/' or '\\');
    }

    private static string Example(string path, bool windows)
    {
        if (windows)
            return "";
        var trimmed = path;
        while (trimmed.StartsWith("./", StringComparison.Ordinal))
            trimmed = trimmed[2..];
        return trimmed.Length == 0 || trimmed.StartsWith('.') ? "" : $" such as `/{trimmed}`";
    }
}
