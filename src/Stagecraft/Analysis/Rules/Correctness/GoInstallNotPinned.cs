using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG272: <c>go install</c>, <c>go get</c> or <c>go run</c> of a remote package without a version.</summary>
public sealed class GoInstallNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG272", "go-install-not-pinned",
        "`go install` of a remote package without a version", Severity.Warning, RuleCategory.Correctness, ["DL3062"]);

    private static readonly string[] ValueFlags = ["-o", "-C", "-p", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-modfile", "-pkgdir",
        "-exec", "-overlay", "-toolexec", "-buildmode", "-compiler", "-gccgoflags", "-installsuffix", "-pgo"];

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`go install`, `go get` and `go run` (ONBUILD RUNs included) of a remote package, one whose path starts with a domain (`golang.org/x/tools/gopls`), without `@version`, or with `@latest`, `@upgrade` or `@patch`. A version from an ARG or ENV counts as pinned. Local packages (`.`, `./cmd/app`, `main.go`) are left alone, and so are `go install` and `go run` after a COPY of `go.mod` or the whole context into the stage: inside a module (or with go.mod bind-mounted into the RUN), go.mod pins the version. `go install tool` and `go get -tool` install the tools go.mod pins. `@none` removes a dependency and is not an install.",
        WhyItMatters: "Without a version, Go resolves the newest release on the day of the build, so rebuilding the same Dockerfile can produce a different tool (or fail when a new release needs a newer Go).",
        Bad: "RUN go install golang.org/x/tools/gopls",
        Good: "ARG GOPLS_VERSION=v0.16.2\nRUN go install golang.org/x/tools/gopls@${GOPLS_VERSION}",
        FixSafety: "No automatic fix: the version to pin is yours to choose.");

    public override void Check(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var inModule = ModuleCopiedBelow(stage);
            foreach (var instruction in stage.Instructions)
            {
                inModule |= CopiesModule(instruction);
                var run = instruction as RunInstructionSyntax ?? (instruction as OnbuildInstructionSyntax)?.Trigger as RunInstructionSyntax;
                if (run is not null && context.Script(run) is { } script)
                    CheckScript(context, stage, run, script, inModule || MountsModule(run));
            }
        }
    }

    private static void CheckScript(RuleContext context, Stage stage, RunInstructionSyntax run, RunScript script, bool inModule)
    {
        foreach (var written in script.Script.Commands)
        {
            var command = written.Unwrap();
            if (!command.IsNamed("go"))
                continue;
            var operands = Operands(command);
            if (operands.Count < 2 || operands[0].Value is not ("install" or "get" or "run") || (inModule && operands[0].Value != "get")
                || operands[1].Value == "tool" || command.HasOption("-tool"))
                continue;
            var verb = operands[0].Value;
            // go run takes the package first; what follows is the program's own arguments.
            var last = verb == "run" ? 2 : operands.Count;
            for (var i = 1; i < last; i++)
            {
                if (ShellWordValues.Resolve(context.Model, run, operands[i]) is not { } package || !IsRemote(package) || Version(package) is { } pinned && !IsMoving(pinned))
                    continue;
                var name = package.Split('@')[0];
                context.Report(script.ToFileSpan(operands[i].Span),
                    $"`go {verb} {package}` resolves the newest version on the day of the build: pin a release, `{name}@v1.2.3`",
                    stage);
            }
        }
    }

    private static List<ShellWord> Operands(ShellCommand command)
    {
        var result = new List<ShellWord>();
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value.StartsWith('-'))
            {
                if (Array.IndexOf(ValueFlags, value) >= 0 || (value.StartsWith("--", StringComparison.Ordinal) && Array.IndexOf(ValueFlags, value[1..]) >= 0))
                    i++;
                continue;
            }
            result.Add(arguments[i]);
        }
        return result;
    }

    /// <summary>A module path starts with a domain: its first element has a dot (and it is not a .go file or a relative path).</summary>
    private static bool IsRemote(string package)
    {
        if (package.Length == 0 || package[0] is '.' or '/' || package.EndsWith(".go", StringComparison.Ordinal))
            return false;
        var slash = package.IndexOf('/');
        var first = slash < 0 ? package.Split('@')[0] : package[..slash];
        return first.Contains('.');
    }

    private static string? Version(string package) => package.IndexOf('@') is var at and >= 0 ? package[(at + 1)..] : null;

    private static bool IsMoving(string version) => version is "latest" or "upgrade" or "patch" or "";

    private static bool ModuleCopiedBelow(Stage stage)
    {
        foreach (var below in StageChain.Of(stage))
        {
            if (ReferenceEquals(below, stage))
                continue;
            foreach (var instruction in below.Instructions)
            {
                if (CopiesModule(instruction))
                    return true;
            }
        }
        return false;
    }

    /// <summary>A RUN that bind-mounts go.mod (<c>--mount=type=bind,source=go.mod,…</c>) runs inside the module.</summary>
    private static bool MountsModule(RunInstructionSyntax run)
    {
        // Index loops: these lists are interfaces, and a foreach would allocate for every RUN and COPY.
        for (var i = 0; i < run.Mounts.Count; i++)
        {
            var mount = run.Mounts[i];
            if (mount.Type == "bind" && (IsGoMod(mount.Source) || IsGoMod(mount.Target)))
                return true;
        }
        return false;
    }

    private static bool IsGoMod(string? path) => path is not null && (path == "go.mod" || path.EndsWith("/go.mod", StringComparison.Ordinal));

    /// <summary>A COPY or ADD of go.mod, or of the whole context (<c>.</c>, <c>./</c>, <c>*</c>).</summary>
    private static bool CopiesModule(InstructionSyntax instruction)
    {
        if (instruction is not FileTransferInstructionSyntax transfer || instruction is CopyInstructionSyntax { From: not null })
            return false;
        for (var i = 0; i < transfer.PathSources.Count; i++)
        {
            var value = transfer.PathSources[i].Value;
            if (value is "." or "./" or "*" or "./*" || value == "go.mod" || value.EndsWith("/go.mod", StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
