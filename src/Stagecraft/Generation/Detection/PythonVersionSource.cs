namespace Stagecraft.Generation.Detection;

/// <summary>Where a Python project states its version: .python-version, pyproject.toml, runtime.txt, Pipfile.</summary>
internal static class PythonVersionSource
{
    public static (string Requirement, string Evidence)? Find(ProjectFolder folder, PythonManifests manifests)
    {
        if (FirstLine(folder.Read(".python-version")) is { } pinned)
            return (pinned, ".python-version");
        if (manifests.PyProject?.String("project", "requires-python") is { Length: > 0 } requires)
            return (requires, "pyproject.toml requires-python");
        if (manifests.PyProject?.String("tool.poetry.dependencies", "python") is { Length: > 0 } poetry)
            return (poetry, "pyproject.toml [tool.poetry.dependencies] python");
        if (FirstLine(folder.Read("runtime.txt")) is { } runtime)
            return (runtime.StartsWith("python-", StringComparison.Ordinal) ? runtime[7..] : runtime, "runtime.txt");
        if (manifests.Pipfile?.String("requires", "python_full_version") is { Length: > 0 } full)
            return (full, "Pipfile [requires] python_full_version");
        if (manifests.Pipfile?.String("requires", "python_version") is { Length: > 0 } line)
            return (line, "Pipfile [requires] python_version");
        return null;
    }

    private static string? FirstLine(string? text) =>
        text?.Split('\n').Select(l => l.Split('#')[0].Trim()).FirstOrDefault(l => l.Length > 0);
}
