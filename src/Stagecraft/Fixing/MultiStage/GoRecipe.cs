using System.Text.RegularExpressions;
using Stagecraft.Analysis;
using Stagecraft.Generation.Detection;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Go: the binary alone. Static (CGO_ENABLED=0, set by the file or added by the rewrite) goes on scratch with the
/// builder's CA certificates (as <c>stagecraft init</c> does; distroless has no version tag to pin), on busybox when a
/// shell-form command needs a shell, or on Debian slim when OS packages follow; a cgo build keeps glibc and goes on the
/// slim image of the builder's Debian release.
/// </summary>
internal sealed partial class GoRecipe : StackRecipe
{
    public override string Ecosystem => "go";

    public override RecipeResult Plan(BuildFacts facts)
    {
        var command = facts.Command;
        var verb = command.PositionalArguments.FirstOrDefault()?.Value;
        StageCopy copy;
        if (verb == "install")
        {
            // go install writes to $GOBIN or $GOPATH/bin, which the golang images put on PATH and the runtime bases do
            // not: a command naming the folder keeps it, a bare program name finds the binary in /usr/local/bin.
            var bin = facts.VariableAtBuild("GOBIN") ?? (facts.VariableAtBuild("GOPATH") ?? "/go") + "/bin";
            var named = facts.Stage.Instructions.Any(i => i is Syntax.CmdInstructionSyntax or Syntax.EntrypointInstructionSyntax
                && i.ArgumentsText.Contains(bin + "/", StringComparison.Ordinal));
            copy = new StageCopy(bin + "/", named ? bin + "/" : "/usr/local/bin/");
        }
        else if (command.GetOptionValue("-o") is { } output)
        {
            if (output.EndsWith('/') || output.Contains('$'))
                return RecipeResult.Refuse($"`go build -o {output}` names a folder or a variable, not one binary");
            var path = facts.ResolveAtBuild(output);
            copy = new StageCopy(path, path);
        }
        else if (BinaryName(facts) is { } name)
        {
            var path = facts.ResolveAtBuild(name);
            copy = new StageCopy(path, path);
        }
        else
            return RecipeResult.Refuse($"`{facts.Command.Text.Trim()}` has no -o, and the binary it writes (if any) is named after a module or package the build context does not show (go.mod is not in the build context)");

        var cgo = facts.VariableAtBuild("CGO_ENABLED");
        var edits = new List<TextEdit>();
        if (cgo != "0")
        {
            if (cgo == "1" || NeedsCgo(facts))
                return Dynamic(facts, copy);
            // The unsafe part: a binary that did not use cgo builds the same without it, and then needs no C library.
            var at = facts.Step.Script.ToFileOffset(command.NameWord!.Span.Start);
            edits.Add(TextEdit.Insert(at, "CGO_ENABLED=0 "));
        }
        var packages = facts.RuntimePackages;
        if (packages.Count > 0)
            return new RuntimePlan("debian:bookworm-slim", [copy], "static Go binary") { BuilderEdits = edits, PackageManager = "apt" };
        if (facts.NeedsShell)
            return new RuntimePlan(Generation.Detection.Images.Busybox, [copy], "static Go binary") { BuilderEdits = edits };
        return new RuntimePlan(Generation.Detection.Images.Scratch, [new StageCopy("/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/"), copy], "static Go binary")
        {
            BuilderEdits = edits,
            HasShell = false,
            PackageManager = null,
            UserWhenUnset = "65532:65532",
        };
    }

    /// <summary>A cgo binary needs the C library it was linked with: the slim image of the builder's own release.</summary>
    private static RecipeResult Dynamic(BuildFacts facts, StageCopy copy)
    {
        var tag = facts.BaseImage?.EffectiveTag ?? "";
        if (DebianRelease.Of(tag) is { } codename)
            return new RuntimePlan($"debian:{codename}-slim", [copy], "Go binary built with cgo") { PackageManager = "apt" };
        if (AlpineRelease().Match(tag) is { Success: true } alpine)
            return new RuntimePlan($"alpine:{alpine.Groups[1].Value}", [copy], "Go binary built with cgo") { PackageManager = "apk" };
        return RecipeResult.Refuse($"the Go build uses cgo and the tag `{tag}` names no Debian release or Alpine version to match its C library");
    }

    /// <summary>
    /// cgo is in use when the stage installs C library headers (beyond the C library's own) or the sources import "C";
    /// gcc alone proves nothing, as many Dockerfiles install it "in case".
    /// </summary>
    private static bool NeedsCgo(BuildFacts facts)
    {
        if (facts.OsPackages.Any(p => RuntimeNeeds.IsLibraryHeaders(p.Name)))
            return true;
        return facts.Context.FindFiles("*.go", 2000).Any(file => facts.Context.ReadText(file) is { } source && ImportC().IsMatch(source));
    }

    /// <summary>Without -o, go build names the binary after the last element of the module path (for the module's root package).</summary>
    private static string? BinaryName(BuildFacts facts)
    {
        var package = facts.Command.PositionalArguments.Skip(1).FirstOrDefault(w => !w.Value.StartsWith('-'))?.Value;
        if (package is not (null or "." or "./"))
        {
            // Only a main package in a folder of the module gives a binary; std, all and patterns build packages.
            return package.Contains('$') || package.Contains("...", StringComparison.Ordinal) || package.EndsWith(".go", StringComparison.Ordinal)
                || !package.StartsWith("./", StringComparison.Ordinal) ? null : Path.GetFileName(package.TrimEnd('/'));
        }
        return facts.Context.ReadText("go.mod") is { } goMod && GoDetector.ModulePathOf(goMod) is { } module ? GoModuleName(module) : null;
    }

    /// <summary>The last element of a module path, skipping a major-version suffix (example.com/app/v2 → app).</summary>
    private static string GoModuleName(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 1 && MajorSuffix().IsMatch(parts[^1]) ? parts[^2] : parts[^1];
    }

    [GeneratedRegex(@"^v[0-9]+$")]
    private static partial Regex MajorSuffix();

    [GeneratedRegex(@"(?m)^\s*import\s+(""C""|\([^)]*""C"")")]
    private static partial Regex ImportC();

    [GeneratedRegex(@"alpine(3\.[0-9]+)")]
    private static partial Regex AlpineRelease();
}
