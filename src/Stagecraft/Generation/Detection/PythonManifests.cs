using System.Text.Json;
using System.Text.RegularExpressions;

namespace Stagecraft.Generation.Detection;

/// <summary>A Python project's dependency files: which manager they mean, which files to copy before installing, which packages they name.</summary>
internal sealed partial class PythonManifests
{
    private static readonly (string File, PackageManagerKind Kind)[] Lockfiles =
    [
        ("uv.lock", PackageManagerKind.Uv),
        ("poetry.lock", PackageManagerKind.Poetry),
        ("Pipfile.lock", PackageManagerKind.Pipenv),
    ];

    private static readonly string[] DevRequirementFiles = ["requirements-dev.txt", "requirements-test.txt", "dev-requirements.txt", "test-requirements.txt", "requirements/dev.txt", "requirements/test.txt"];

    public required Decided<PackageManagerKind> Manager { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required IReadOnlyList<string> Dependencies { get; init; }
    public required IReadOnlyList<string> DevDependencies { get; init; }
    public string? DevRequirements { get; init; }
    public TomlTables? PyProject { get; init; }
    public TomlTables? Pipfile { get; init; }
    public bool HasLockfile { get; init; }

    public static bool Exist(ProjectFolder folder) =>
        folder.FirstExisting("requirements.txt", "pyproject.toml", "Pipfile", "uv.lock", "poetry.lock", "Pipfile.lock", "setup.py", "manage.py") is not null;

    /// <exception cref="AmbiguousProjectException">Lockfiles of two managers and no <c>--package-manager</c>.</exception>
    public static PythonManifests Read(ProjectFolder folder, PackageManagerKind? chosen, List<string> notes)
    {
        var pyproject = folder.Read("pyproject.toml") is { } toml ? TomlTables.Parse(toml) : null;
        var pipfile = folder.Read("Pipfile") is { } pf ? TomlTables.Parse(pf) : null;
        var locks = Lockfiles.Where(l => folder.Exists(l.File)).ToArray();
        Decided<PackageManagerKind> manager;
        if (chosen is { } flag)
            manager = Decided<PackageManagerKind>.ByFlag(flag, "--package-manager");
        else if (locks.Length > 1)
            throw new AmbiguousProjectException($"{Path.GetFileName(folder.FullPath)}: conflicting lockfiles {string.Join(" and ", locks.Select(l => $"{l.File} ({PackageManagerNames.Name(l.Kind)})"))}: delete the stale one or pass --package-manager");
        else if (locks.Length == 1)
            manager = new(locks[0].Kind, locks[0].File);
        else if (pyproject?.HasTable("tool.poetry") == true)
            manager = new(PackageManagerKind.Poetry, "pyproject.toml [tool.poetry]");
        else if (pipfile is not null)
            manager = new(PackageManagerKind.Pipenv, "Pipfile");
        else if (pyproject?.HasTable("tool.uv") == true)
            manager = new(PackageManagerKind.Uv, "pyproject.toml [tool.uv]");
        else if (folder.Exists("requirements.txt"))
            manager = new(PackageManagerKind.Pip, "requirements.txt");
        else
            manager = Decided<PackageManagerKind>.ByDefault(PackageManagerKind.Pip);

        var hasLock = manager.Value switch
        {
            PackageManagerKind.Pip => folder.Exists("requirements.txt"),
            _ => locks.Any(l => l.Kind == manager.Value),
        };
        var files = new List<string>();
        var dependencies = new List<string>();
        var dev = new List<string>();
        string? devRequirements = null;
        switch (manager.Value)
        {
            case PackageManagerKind.Pip:
                if (folder.Exists("requirements.txt"))
                    dependencies.AddRange(Requirements(folder, "requirements.txt", files));
                else if (pyproject is not null || folder.Exists("setup.py"))
                    notes.Add("no requirements.txt or lockfile: pin the dependencies (pip-compile or uv pip compile to requirements.txt) so the install is exact and cached apart from the source");
                devRequirements = DevRequirementFiles.FirstOrDefault(folder.Exists);
                if (devRequirements is not null)
                    dev.AddRange(Requirements(folder, devRequirements, []));
                break;
            case PackageManagerKind.Poetry:
                files.Add("pyproject.toml");
                if (hasLock) files.Add("poetry.lock");
                dependencies.AddRange(Names(pyproject?.Keys("tool.poetry.dependencies") ?? []));
                dependencies.AddRange(Names(pyproject?.Strings("project", "dependencies") ?? []));
                dev.AddRange(Names(pyproject?.Keys("tool.poetry.group.dev.dependencies") ?? []));
                dev.AddRange(Names(pyproject?.Keys("tool.poetry.dev-dependencies") ?? []));
                break;
            case PackageManagerKind.Uv:
                files.Add("pyproject.toml");
                if (hasLock) files.Add("uv.lock");
                dependencies.AddRange(Names(pyproject?.Strings("project", "dependencies") ?? []));
                dev.AddRange(Names(pyproject?.Strings("dependency-groups", "dev") ?? []));
                dev.AddRange(Names(pyproject?.Strings("tool.uv", "dev-dependencies") ?? []));
                break;
            case PackageManagerKind.Pipenv:
                files.Add("Pipfile");
                if (hasLock) files.Add("Pipfile.lock");
                dependencies.AddRange(Names(pipfile?.Keys("packages") ?? []));
                dev.AddRange(Names(pipfile?.Keys("dev-packages") ?? []));
                if (dependencies.Count == 0 && hasLock)
                    dependencies.AddRange(LockedNames(folder.Read("Pipfile.lock")));
                break;
        }
        if (!hasLock && manager.Value != PackageManagerKind.Pip)
            notes.Add($"no lockfile for {PackageManagerNames.Name(manager.Value)}: the install is not reproducible; commit the lockfile and run init again");
        // uv reads .python-version to pick the interpreter, so it belongs with the manifests.
        if (manager.Value == PackageManagerKind.Uv && folder.Exists(".python-version"))
            files.Add(".python-version");
        return new PythonManifests
        {
            Manager = manager, Files = files, Dependencies = dependencies, DevDependencies = dev, DevRequirements = devRequirements,
            PyProject = pyproject, Pipfile = pipfile, HasLockfile = hasLock,
        };
    }

    /// <summary>Lowercase names with '_' and '.' as '-', as PyPI compares them.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-').Replace('.', '-');

    private static IEnumerable<string> Names(IEnumerable<string> specs)
    {
        foreach (var spec in specs)
        {
            var match = RequirementName().Match(spec);
            var name = Normalize(match.Groups[1].Value);
            if (!match.Success || name == "python")
                continue;
            yield return name;
            // fastapi[standard] brings uvicorn, the server the image starts it with.
            if (name == "fastapi" && match.Groups[2].Value is var extras && (extras.Contains("standard", StringComparison.Ordinal) || extras.Contains("all", StringComparison.Ordinal)))
                yield return "uvicorn";
        }
    }

    // requirements.txt: one requirement a line; -r/-c name more files to copy and read.
    private static IEnumerable<string> Requirements(ProjectFolder folder, string file, List<string> files)
    {
        var names = new List<string>();
        var queue = new Queue<string>([file]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (files.Contains(current) || folder.Read(current) is not { } text)
                continue;
            files.Add(current);
            foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = raw.Split(" #")[0].Trim();
                if (Include().Match(line) is { Success: true } include)
                {
                    var dir = current.Contains('/') ? current[..current.LastIndexOf('/')] + "/" : "";
                    queue.Enqueue(dir + include.Groups[include.Groups[1].Success ? 1 : 2].Value);
                }
                else if (!line.StartsWith('-') && !line.StartsWith('#'))
                    names.AddRange(Names([line]));
            }
        }
        return names;
    }

    private static IEnumerable<string> LockedNames(string? json)
    {
        using var document = PackageJson.TryParseLoose(json);
        if (document is null || !document.RootElement.TryGetProperty("default", out var packages) || packages.ValueKind != JsonValueKind.Object)
            return [];
        return packages.EnumerateObject().Select(p => Normalize(p.Name)).ToArray();
    }

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?")]
    private static partial Regex RequirementName();

    [GeneratedRegex(@"^-[rc]\s*([^\s]+)$|^--(?:requirement|constraint)[=\s]\s*([^\s]+)$")]
    private static partial Regex Include();
}
