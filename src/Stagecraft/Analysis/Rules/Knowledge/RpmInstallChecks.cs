namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// The checks that yum and dnf share word for word (hadolint has one code per manager, so each is its own rule):
/// an install that would stop for confirmation, and packages installed without a version.
/// </summary>
internal static class RpmInstallChecks
{
    private static readonly string[] ConfirmingVerbs = ["install", "groupinstall", "localinstall"];

    /// <summary>Reports <c>MANAGER install</c> (and its group/local forms) without -y, with a safe fix that adds it.</summary>
    public static void ReportInstallsWithoutYes(RuleContext context, string manager)
    {
        foreach (var (stage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed(manager))
                    continue;
                var operands = RpmPackageCommands.Operands(command);
                var install = RpmPackageCommands.InstallWord(operands, ConfirmingVerbs);
                if (install < 0 || RpmPackageCommands.AssumesYes(command) || RpmPackageCommands.IsFedByYes(written))
                    continue;
                var verb = install == 0 ? operands[0].Value : operands[0].Value + " install";
                context.Report(script.ToFileSpan(written.Span),
                    $"`{manager} {verb}` without -y stops to ask for confirmation, which fails the build: use `{manager} {verb} -y`",
                    stage, new Fix("Add -y", FixSafety.Safe, [TextEdit.Insert(script.ToFileSpan(operands[install].Span).End, " -y")]));
            }
        }
    }

    /// <summary>Reports installs by any of <paramref name="managers"/> that name packages without a version.</summary>
    public static void ReportUnpinnedInstalls(RuleContext context, params string[] managers)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed(managers))
                    continue;
                var operands = RpmPackageCommands.Operands(command);
                var install = RpmPackageCommands.InstallWord(operands, ["install"]);
                if (install < 0 || (install == 1 && operands[0].Value != "module"))
                    continue;
                var unpinned = RpmPackageCommands.Unpinned(context.Model, run, operands, install, zypper: false);
                if (unpinned.Count == 0)
                    continue;
                context.Report(script.ToFileSpan(written.Span),
                    $"`{command.BaseName} install` takes {RpmPackageCommands.Names(unpinned)} at whatever version is current: pin as name-version (`{unpinned[0]}-1.2.3`) for repeatable builds",
                    stage);
            }
        }
    }
}
