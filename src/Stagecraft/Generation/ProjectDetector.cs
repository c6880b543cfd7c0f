using Stagecraft.Generation.Detection;

namespace Stagecraft.Generation;

/// <summary>
/// Finds out what an application folder holds and decides everything its Dockerfile needs: the entry point of
/// <c>stagecraft init</c>, and of any other command that needs stack knowledge (the multi-stage fixer).
/// </summary>
public static class ProjectDetector
{
    private static readonly (Stack Stack, string LookedFor, Func<ProjectFolder, bool> Matches, Func<ProjectFolder, PlanOptions, ProjectPlan> Detect)[] Detectors =
    [
        (Stack.Node, "package.json", NodeDetector.Matches, NodeDetector.Detect),
        (Stack.Python, "requirements.txt, pyproject.toml, Pipfile, uv.lock, poetry.lock, setup.py, manage.py or *.py", PythonDetector.Matches, PythonDetector.Detect),
        (Stack.Go, "go.mod", GoDetector.Matches, GoDetector.Detect),
        (Stack.Rust, "Cargo.toml", RustDetector.Matches, RustDetector.Detect),
        (Stack.Java, "pom.xml, build.gradle or build.gradle.kts", JavaDetector.Matches, JavaDetector.Detect),
        (Stack.DotNet, "*.csproj, *.fsproj, *.sln or *.slnx", DotNetDetector.Matches, DotNetDetector.Detect),
        (Stack.Ruby, "Gemfile", RubyDetector.Matches, RubyDetector.Detect),
        (Stack.Php, "composer.json", PhpDetector.Matches, PhpDetector.Detect),
    ];

    /// <param name="directory">The application's folder (full path).</param>
    /// <exception cref="NoStackDetectedException">Nothing the detectors know is in the folder.</exception>
    /// <exception cref="AmbiguousProjectException">Two stacks or conflicting lockfiles, and no flag to choose.</exception>
    public static ProjectPlan Detect(string directory, PlanOptions? options = null)
    {
        options ??= PlanOptions.None;
        // "services/api/" and "services/api" are one folder: plans compare the app folder with the context folder.
        var folder = new ProjectFolder(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var name = Path.GetFileName(folder.FullPath);
        var stack = options.Stack ?? (options.PackageManager is { } pm ? PackageManagerNames.StackOf(pm) : null);
        if (stack is { } chosen)
        {
            var detector = Detectors.First(d => d.Stack == chosen);
            if (options.PackageManager is { } manager && PackageManagerNames.StackOf(manager) != chosen)
                throw new StagecraftException($"--package-manager {PackageManagerNames.Name(manager)} is not a {StackNames.Display(chosen)} package manager");
            if (!detector.Matches(folder) && !(chosen == Stack.Python && PythonDetector.MatchesLoosely(folder)))
                throw new NoStackDetectedException($"{name}: no {StackNames.Display(chosen)} project here: looked for {detector.LookedFor}");
            var plan = detector.Detect(folder, options);
            return options.Stack is null ? plan : plan with { Stack = Decided<Stack>.ByFlag(chosen, options.PackageManager is null || options.Stack is not null ? "--stack" : "--package-manager") };
        }
        var found = Detectors.Where(d => d.Matches(folder)).ToArray();
        // A folder of Python scripts without any manifest is a Python app, unless a manifest says otherwise.
        if (found.Length == 0 && PythonDetector.MatchesLoosely(folder))
            found = [.. Detectors.Where(d => d.Stack == Stack.Python)];
        if (found.Length == 0)
            throw new NoStackDetectedException($"{name}: no supported project found: looked for {string.Join("; ", Detectors.Select(d => $"{StackNames.Display(d.Stack)}: {d.LookedFor}"))}");
        // Rails, Laravel, Spring and ASP.NET apps often carry a package.json for their front-end assets: the server stack is the app.
        if (found.Length == 2 && found.Any(d => d.Stack == Stack.Node) && found.First(d => d.Stack != Stack.Node).Stack is Stack.Ruby or Stack.Php or Stack.Java or Stack.DotNet)
        {
            var server = found.First(d => d.Stack != Stack.Node);
            var plan = server.Detect(folder, options);
            return plan with
            {
                Notes = [.. plan.Notes, $"package.json is taken for the front-end assets of the {StackNames.Display(server.Stack)} app and is not built by this Dockerfile: add its build, or pass --stack node for a Node.js app"],
            };
        }
        if (found.Length > 1)
            throw new AmbiguousProjectException($"{name}: found a {string.Join(" and a ", found.Select(d => StackNames.Display(d.Stack)))} project: pass --stack {string.Join(" or --stack ", found.Select(d => StackNames.All[(int)d.Stack]))}");
        return found[0].Detect(folder, options);
    }
}
