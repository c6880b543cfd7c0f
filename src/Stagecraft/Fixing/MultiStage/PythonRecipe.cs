using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Fixing.MultiStage;

/// <summary>
/// Python: the runtime stage (the slim variant of the same python image) copies the installed packages from where the
/// file put them — a virtual environment, <c>--user</c>, <c>--prefix</c>, <c>--target</c>, or the interpreter's
/// site-packages and scripts — and the application: the folders the context was copied to and the working directory,
/// at the same paths.
/// </summary>
internal sealed class PythonRecipe : StackRecipe
{
    public override string Ecosystem => "python";

    public override RecipeResult Plan(BuildFacts facts)
    {
        if (SmallerVariant.Of(facts.BaseImage, "python") is not { } runtime)
            return RecipeResult.Refuse($"the build runs on {facts.Stage.Base.Reference}, not an official python image, so there is no matching slim runtime");
        var copies = new List<string>();
        foreach (var (run, command) in facts.Commands)
        {
            var directory = facts.Stage.WorkingDirectoryAt(run) ?? "/";
            if (VirtualEnvironment(command) is { } venv)
                copies.Add(Semantics.ContainerPath.Resolve(directory, venv));
            else if (Installs(command))
            {
                if (command.BaseName is "poetry" or "pipenv")
                    return RecipeResult.Refuse($"`{command.BaseName} install` puts packages where its configuration says, which the Dockerfile alone does not show");
                copies.AddRange(InstallTarget(command, directory, facts));
            }
        }
        copies.AddRange(facts.ContextDestinations);
        // The image's working directory holds the application even when a RUN put it there (git clone, unpacking).
        if (facts.FinalDirectory is { } workdir && workdir != "/")
            copies.Add(workdir);
        var kept = Outermost(copies);
        if (kept.Count == 0)
            return RecipeResult.Refuse("nothing the Python build installs or copies could be located");
        if (kept.Contains("/"))
            return RecipeResult.Refuse("the application is copied to /, which cannot be copied apart from the system");
        return new RuntimePlan(runtime, [.. kept.Select(p => new StageCopy(p, p))], "installed Python packages and the application")
        {
            PackageManager = SmallerVariant.PackageManagerOf(runtime),
        };
    }

    private static bool Installs(ShellCommand command) => StageBuilds.PythonBuildDescription(command) is { } description && description != "python -m compileall";

    /// <summary>The folder of <c>python -m venv DIR</c>, <c>virtualenv DIR</c> or <c>uv venv DIR</c>.</summary>
    private static string? VirtualEnvironment(ShellCommand command)
    {
        var words = command.PositionalArguments.Select(w => w.Value).Where(v => !v.StartsWith('-')).ToArray();
        if (command.BaseName is { } name && StageBuilds.IsPython(name) && command.GetOptionValue("-m") == "venv")
            return words.SkipWhile(w => w == "venv").FirstOrDefault();
        if (command.BaseName == "virtualenv")
            return words.FirstOrDefault();
        if (command.BaseName == "uv" && words.FirstOrDefault() == "venv")
            return words.Length > 1 ? words[1] : ".venv";
        return null;
    }

    /// <summary>Where an install command puts packages: its --user, --prefix or --target folder, else the interpreter's own (or the active venv's, copied already).</summary>
    private static IReadOnlyList<string> InstallTarget(ShellCommand command, string directory, BuildFacts facts)
    {
        if (command.HasOption("--user"))
            return ["/root/.local"];
        if (command.GetOptionValue("--prefix", "--target", "-t") is { } folder)
            return [Semantics.ContainerPath.Resolve(directory, folder)];
        if (command.BaseName == "uv" && command.PositionalArguments.FirstOrDefault()?.Value == "sync")
            return [Semantics.ContainerPath.Resolve(directory, ".venv")];
        // A venv made earlier and put first on PATH receives the packages; its folder is copied already.
        if (facts.VariableAtBuild("VIRTUAL_ENV") is { Length: > 0 } || facts.Commands.Any(c => VirtualEnvironment(c.Command) is not null))
            return [];
        var version = facts.BaseImage?.EffectiveTag.Split('-')[0].Split('.');
        // Without major.minor in the tag (python:3) the folder's name is unknown: copy the whole prefix, which the slim
        // variant of the same tag holds the same interpreter in.
        if (version is not [var major, var minor, ..] || !int.TryParse(major, out _) || !int.TryParse(minor, out _))
            return ["/usr/local/lib", "/usr/local/bin"];
        return [$"/usr/local/lib/python{major}.{minor}/site-packages", "/usr/local/bin"];
    }

    /// <summary>The paths without those inside another, in first-seen order.</summary>
    private static List<string> Outermost(List<string> paths)
    {
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        return [.. distinct.Where(p => !distinct.Any(o => o != p && (o == "/" ? p != "/" : p.StartsWith(o + "/", StringComparison.Ordinal))))];
    }
}
