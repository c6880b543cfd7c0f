using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Cache;

/// <summary>STG002: the whole context is copied before a step that does not need it (an OS package install).</summary>
public sealed class WholeContextCopiedTooEarly : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG002", "whole-context-copied-too-early",
        "The whole source is copied before steps that do not need it", Severity.Warning, RuleCategory.Cache);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`COPY . .` (or `ADD .`) followed, in the same stage, by an OS package install (`apt-get`/`apt install`, `apk add`, `yum`/`dnf`/`microdnf`/`zypper install`) that names only repository packages. Installs of local files (`apt-get install ./x.deb`) or of package lists computed at build time are not counted.",
        WhyItMatters: "Every change to any file in the context invalidates `COPY . .` and every layer after it. A package install placed after it re-runs on each code change (often 20 s to a few minutes, plus the network), although its result would not change; placed before the copy, it stays cached.",
        Bad: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*",
        Good: "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY . .",
        FixSafety: "No automatic fix: the RUN may also do other work that needs the source, so moving it is left to you.");

    private static readonly string[] Managers = ["apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf", "zypper"];

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (!stage.IsWindows)
                Walk(context, stage);
        }
    }

    private static void Walk(RuleContext context, Stage stage)
    {
        InstructionSyntax? copy = null;
        foreach (var instruction in stage.Instructions)
        {
            if (copy is null)
            {
                if (ContextCopies.WholeContextSource(context.Model, instruction) is not null)
                    copy = instruction;
                continue;
            }
            if (instruction is not RunInstructionSyntax run || context.Script(run) is not { } script
                || script.Script.FindCommands(Managers).FirstOrDefault(IsRepositoryInstall) is not { } install)
                continue;
            var line = context.Tree.GetPosition(script.ToFileSpan(install.Span).Start).Line;
            var copySpan = TextSpan.FromBounds(copy.KeywordSpan.Start, copy.ArgumentsSpan.End);
            context.Report(copySpan,
                $"`{install.Name} {PackageManagers.Subcommand(install)}` on line {line} does not need the source copied here: move it above this copy so code changes keep its layer cached",
                stage);
            return;
        }
    }

    /// <summary>An install of named packages from a repository: no local package files, no package lists read from files or commands.</summary>
    private static bool IsRepositoryInstall(ShellCommand command)
    {
        var sub = PackageManagers.Subcommand(command);
        var isInstall = command.IsNamed("apk") ? sub == "add"
            : command.IsNamed("zypper") ? sub is "install" or "in"
            : sub is "install" or "groupinstall";
        if (!isInstall)
            return false;
        var packages = command.PositionalArguments.Skip(1).ToList();
        return packages.Count > 0 && packages.All(p => !p.HasCommandSubstitution && !p.Value.Contains('/')
            && !p.Value.EndsWith(".deb", StringComparison.Ordinal) && !p.Value.EndsWith(".rpm", StringComparison.Ordinal) && !p.Value.EndsWith(".apk", StringComparison.Ordinal));
    }
}
