using Stagecraft.Analysis.Context;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG116: COPY or ADD of a path that .dockerignore leaves out of the build context; BuildKit's CopyIgnoredFile.</summary>
public sealed class CopyOfIgnoredFile : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG116", "copy-of-ignored-file",
        "COPY or ADD of a path .dockerignore excludes", Severity.Warning, RuleCategory.Correctness, ["CopyIgnoredFile"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A COPY or ADD source from the build context (not `--from`, not a URL or Git repository, not a heredoc) that the .dockerignore excludes, itself or through a parent folder, after ARG and ENV expansion. The source is matched as written, so a wildcard source is reported only when a pattern matches the wildcard text. As in BuildKit's `CopyIgnoredFile` check, nothing is reported when the .dockerignore has `!` exceptions (a folder may be excluded while a file in it is put back), and `.` only when a pattern such as `*` or `**` excludes everything. A leading `/` is dropped before matching, as the context root is where sources start. Needs the build context: files read from standard input without `--context` are not checked.",
        WhyItMatters: "An excluded path is not sent to the builder, so the COPY fails with `not found` (or, for a wildcard, copies nothing it was meant to), usually after slow earlier steps have run. Either the .dockerignore is too broad or the COPY is stale.",
        Bad: "# .dockerignore: config/\nFROM nginx:1.27\nCOPY config/nginx.conf /etc/nginx/nginx.conf",
        Good: "# .dockerignore: config/*\n#               !config/nginx.conf\nFROM nginx:1.27\nCOPY config/nginx.conf /etc/nginx/nginx.conf",
        FixSafety: "No automatic fix: either the .dockerignore or the COPY has to change.");

    public override void Check(RuleContext context)
    {
        if (context.BuildContext.DockerIgnore is not { } ignore)
            return;
        var matcher = ignore.CreateMatcher();
        if (matcher.HasExclusions)
            return;
        // "." is the context itself, never excluded as a path; only a pattern that excludes every entry empties it.
        var rootPattern = matcher.Patterns.LastOrDefault(p => !p.IsException && p.Pattern is "*" or "**" or "**/*");
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is not FileTransferInstructionSyntax transfer || (transfer is CopyInstructionSyntax { From: not null }))
                    continue;
                foreach (var source in transfer.PathSources)
                {
                    var expanded = context.Model.Expand(transfer, source.Value);
                    if (!expanded.Succeeded || IsRemote(expanded.Value))
                        continue;
                    var path = GoPath.Clean(expanded.Value).TrimStart('/');
                    if (path.Length == 0 || path == ".")
                    {
                        if (rootPattern is not null)
                            Report(context, transfer, source, ".", rootPattern, stage);
                        continue;
                    }
                    if (matcher.MatchesOrParentMatches(path))
                        Report(context, transfer, source, path, matcher.Decide(path).DecidedBy, stage);
                }
            }
        }
    }

    private static void Report(RuleContext context, FileTransferInstructionSyntax transfer, ArgumentSyntax source, string path, DockerIgnorePattern? pattern,
        Semantics.Stage stage)
    {
        var keyword = transfer.Keyword.ToUpperInvariant();
        var by = pattern is null ? "" : pattern.Line is { } line ? $" (line {line}: `{pattern.Text}`)" : $" (`{pattern.Text}`)";
        context.Report(source.Span,
            $"{keyword} source `{path}` is excluded by .dockerignore{by}, so it is not in the build context and the {keyword} fails: narrow the pattern or drop the source",
            stage);
    }

    private static bool IsRemote(string source) =>
        source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal);
}
