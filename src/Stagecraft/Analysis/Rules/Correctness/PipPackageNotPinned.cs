using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG209: <c>pip install</c> of packages without a version.</summary>
public sealed class PipPackageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG209", "pip-package-not-pinned",
        "pip install without package versions", Severity.Warning, RuleCategory.Correctness, ["DL3013"]);

    public override RuleDescriptor Descriptor => Id;

    private static readonly string[] VersionOperators = ["==", ">=", "<=", "!=", "~=", ">", "<"];
    private static readonly string[] Archives = [".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2"];
    private static readonly string[] VcsSchemes = ["git+", "hg+", "svn+", "bzr+", "git://"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`pip install` (also `pip3`, `pip3.12`, `pipx` and `python -m pip`, in RUN scripts, heredocs and ONBUILD triggers) naming a package without a version specifier. Pinned: `==`, `>=`, `~=` and the other comparison operators, wheel and sdist files, local paths and directories (`.`, `./pkg`), URLs, and VCS URLs with `@ref`. Installs from requirements or constraints files (`-r`, `-c`, or `PIP_CONSTRAINT` set by ENV, ARG or in the script) are left alone, as are packages given through a variable the Dockerfile leaves unset; ARG and ENV values are filled in before judging.",
        WhyItMatters: "An unpinned `pip install requests` installs the newest release on the day of the build, with the newest versions of its dependencies: rebuilding an old commit can bring a new major version that breaks the application, and two images built from the same file can differ.",
        Bad: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn",
        Good: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n# or: RUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0",
        FixSafety: "No automatic fix: the versions to pin come from the project's tested set.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, trigger) in RunScripts.Of(context, triggers: true))
        {
            foreach (var command in script.Script.Commands)
            {
                var effective = command.Unwrap();
                if (Pip.Operands(effective) is not [{ Value: "install" }, _, ..] operands
                    || effective.HasOption("-r", "--requirement", "-c", "--constraint")
                    || UnpinnedPackages.Find(context.Model, run, operands, 1, IsPinned) is not { } unpinned
                    || Constrained(context, stage, run, trigger, script, effective))
                    continue;
                context.Report(UnpinnedPackages.Span(script, unpinned),
                    $"`pip install` takes {UnpinnedPackages.Names(unpinned)} at whatever version the index has that day: pin versions (`{unpinned[0].Name}==<version>`) or install from a requirements file",
                    stage);
            }
        }
    }

    private static bool IsPinned(string package)
    {
        foreach (var symbol in VersionOperators)
        {
            if (package.Contains(symbol, StringComparison.Ordinal))
                return true;
        }
        foreach (var suffix in Archives)
        {
            if (package.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        foreach (var scheme in VcsSchemes)
        {
            // A VCS URL is pinned by a ref after the repository: git+https://host/org/repo.git@v1.2.
            if (package.StartsWith(scheme, StringComparison.Ordinal))
                return package.AsSpan(package.LastIndexOf('/') + 1).Contains('@');
        }
        return package.Contains('/') || package.StartsWith('.') || package.StartsWith('~');
    }

    /// <summary>PIP_CONSTRAINT names a constraints file that pins every package pip installs.</summary>
    private static bool Constrained(RuleContext context, Stage stage, Syntax.RunInstructionSyntax run, bool trigger, RunScript script, ShellCommand command)
    {
        const string Variable = "PIP_CONSTRAINT";
        if ((trigger ? stage.FinalScope : context.Model.ScopeAt(run)).Find(Variable) is { Value: { Length: > 0 } })
            return true;
        foreach (var assignment in command.Assignments)
        {
            if (assignment.Name == Variable)
                return true;
        }
        foreach (var other in script.Script.Commands)
        {
            if (other.Span.Start >= command.Span.Start || !other.IsNamed("export"))
                continue;
            foreach (var argument in other.Arguments)
            {
                if (argument.Value.StartsWith(Variable + "=", StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }
}
