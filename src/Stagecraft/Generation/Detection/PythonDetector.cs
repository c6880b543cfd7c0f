namespace Stagecraft.Generation.Detection;

/// <summary>Detects a Python application: package manager and lockfile, version, framework and server, native packages, port, tests.</summary>
internal static class PythonDetector
{
    /// <summary>True when the folder has Python dependency files or a manage.py.</summary>
    public static bool Matches(ProjectFolder folder) => PythonManifests.Exist(folder);

    /// <summary>True when the folder has Python files at its top (a script-only app); weaker than <see cref="Matches"/>.</summary>
    public static bool MatchesLoosely(ProjectFolder folder) =>
        Directory.EnumerateFiles(folder.FullPath, "*.py", SearchOption.TopDirectoryOnly).Any();

    public static ProjectPlan Detect(ProjectFolder folder, PlanOptions options)
    {
        var notes = new List<string>();
        var manifests = PythonManifests.Read(folder, options.PackageManager, notes);
        var version = Versions.Decide(Stack.Python, options.Version, PythonVersionSource.Find(folder, manifests), notes);
        var dependencies = manifests.Dependencies.ToHashSet(StringComparer.Ordinal);
        var sources = folder.SourceFiles(".py").Where(f => !IsTest(f)).ToArray();
        var (framework, start, port) = PythonEntryPoint.Find(folder, dependencies, sources, notes);
        if (options.Start is { } flagStart)
            start = Decided<IReadOnlyList<string>>.ByFlag(flagStart, "--start");
        if (options.Port is { } p)
            port = Decided<int>.ByFlag(p, "--port");
        if (port is null)
            notes.Add("no port found in the source: pass --port to get EXPOSE and a HEALTHCHECK");
        if (framework?.Value == "Django")
            notes.Add("Django: set ALLOWED_HOSTS, and run collectstatic in the build if the app serves static files");

        var native = NativePackages.Among(manifests.Dependencies);
        var nativeEvidence = native.Count == 0 ? "no dependency that compiles a C extension" : $"{string.Join(", ", manifests.Files.Take(1))}: {string.Join(", ", native)}";
        var slim = $"python:{version.Value}-slim-bookworm";
        var buildImage = native.Count > 0
            ? new Decided<string>($"python:{version.Value}-bookworm", $"compilers and headers for {string.Join(", ", native)}")
            : new Decided<string>(slim, "no C extension to compile");

        return new ProjectPlan
        {
            AppDirectory = folder.FullPath,
            ContextDirectory = folder.FullPath,
            Stack = new Decided<Stack>(Stack.Python, manifests.Files.FirstOrDefault() ?? (folder.Exists("pyproject.toml") ? "pyproject.toml" : "*.py files")),
            PackageManager = manifests.Manager,
            Version = version,
            Framework = framework,
            Start = start,
            Port = port,
            HealthPath = port is null ? null : SourceScan.FindHealthPath(folder, sources),
            Test = Test(folder, manifests),
            BuildImage = buildImage,
            RuntimeImage = options.BaseImage is { } image ? Decided<string>.ByFlag(image, "--base") : new Decided<string>(slim, "Python version, Debian slim"),
            Notes = notes,
            Python = new PythonProject(manifests.Files, new Decided<IReadOnlyList<string>>(native, nativeEvidence), NativePackages.LibrariesFor(native), manifests.DevRequirements),
        };
    }

    private static Decided<string>? Test(ProjectFolder folder, PythonManifests manifests)
    {
        var tests = folder.SourceFiles(".py").Where(IsTest).ToArray();
        if (manifests.DevDependencies.Contains("pytest") || manifests.Dependencies.Contains("pytest"))
            return new Decided<string>("python -m pytest", "dependency pytest");
        return tests.Length > 0 ? new Decided<string>("python -m unittest", $"{tests[0]} (unittest)") : null;
    }

    private static bool IsTest(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || file.StartsWith("tests/", StringComparison.Ordinal);
    }
}
