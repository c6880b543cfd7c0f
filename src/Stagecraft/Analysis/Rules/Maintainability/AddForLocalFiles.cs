using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG214: ADD used for plain local files and folders, which is COPY's job.</summary>
public sealed class AddForLocalFiles : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG214", "add-for-local-files",
        "ADD used where COPY would do", Severity.Error, RuleCategory.Maintainability, ["DL3020"]);

    public override RuleDescriptor Descriptor => Id;

    // Files ADD may unpack (it looks at the content, so any compressed or tar name is given the benefit of the doubt).
    private static readonly string[] Archives = [".tar", ".z", ".bz2", ".gz", ".lz", ".lzma", ".tz", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz", ".zst", ".tzst"];
    private static readonly string[] Remote = ["http://", "https://", "git@", "git://", "ssh://"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "ADD (also as an ONBUILD trigger) whose sources are all local files or folders (or heredocs): not a URL or git repository, not an archive ADD may unpack (`.tar`, `.tar.gz`, `.tgz`, `.xz`, `.zst`, …), and without ADD-only flags (`--checksum`, `--keep-git-dir`, `--unpack`). Sources are judged after ARG values are filled in; a source that depends on an unset variable leaves the instruction alone.",
        WhyItMatters: "ADD does more than copy: it unpacks tar archives and downloads URLs. Used for plain files it makes readers wonder which of those is meant, and a file that happens to be a tar archive (whatever its name) is silently unpacked instead of copied. COPY does exactly one thing.",
        Bad: "FROM node:20-slim\nADD package.json package-lock.json /app/",
        Good: "FROM node:20-slim\nCOPY package.json package-lock.json /app/",
        FixSafety: "Safe: replaces the ADD keyword with COPY; every flag ADD and COPY share (--chown, --chmod, --link, --exclude) stays.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is not AddInstructionSyntax add || add.Sources.Count == 0 || add.Checksum is not null || add.KeepGitDir is not null
                    || add.Unpack is not null || !AllLocal(context, add))
                    continue;
                var keyword = add.Keyword.Any(char.IsLower) && !add.Keyword.Any(char.IsUpper) ? "copy" : "COPY";
                context.Report(add.KeywordSpan,
                    "ADD of local files also unpacks any tar archive among them: use COPY, which only copies", stage,
                    new Fix("Replace ADD with COPY", FixSafety.Safe, [new TextEdit(add.KeywordSpan, keyword)]));
            }
        }
    }

    private static bool AllLocal(RuleContext context, AddInstructionSyntax add)
    {
        foreach (var source in add.PathSources)
        {
            if (context.Model.Expand(add, source.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded)
                return false;
            var path = expanded.Value;
            foreach (var prefix in Remote)
            {
                if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    return false;
            }
            if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
                return false;
            foreach (var suffix in Archives)
            {
                if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    return false;
            }
        }
        return true;
    }
}
