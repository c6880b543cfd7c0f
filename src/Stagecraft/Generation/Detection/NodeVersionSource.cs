namespace Stagecraft.Generation.Detection;

/// <summary>Where a Node.js project states its version: <c>.nvmrc</c>, <c>.node-version</c>, then package.json <c>engines.node</c>.</summary>
internal static class NodeVersionSource
{
    // nvm's aliases for the LTS lines.
    private static readonly Dictionary<string, string> LtsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hydrogen"] = "18", ["iron"] = "20", ["jod"] = "22", ["krypton"] = "24",
    };

    /// <summary>The requirement and its evidence, or null when the project states none.</summary>
    public static (string Requirement, string Evidence)? Find(ProjectFolder folder, PackageJson package)
    {
        foreach (var file in (ReadOnlySpan<string>)[".nvmrc", ".node-version"])
        {
            if (folder.Read(file)?.Split('\n').Select(l => l.Split('#')[0].Trim()).FirstOrDefault(l => l.Length > 0) is { } line)
                return Normalize(line) is var requirement && requirement != line ? (requirement, $"{file} {line}") : (line, file);
        }
        return package.EnginesNode is { Length: > 0 } engines ? (engines, "package.json engines.node") : null;
    }

    // "lts/*" and "node" name moving targets: the default line stands for them.
    private static string Normalize(string line)
    {
        if (line.StartsWith("lts/", StringComparison.OrdinalIgnoreCase))
            return LtsNames.TryGetValue(line[4..], out var major) ? major : "*";
        return line is "node" or "stable" or "latest" or "current" ? "*" : line;
    }
}
