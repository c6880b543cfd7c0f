using System.Text.Json;

namespace Stagecraft.Generation.Detection;

/// <summary>The parts of a package.json that detection reads.</summary>
internal sealed class PackageJson
{
    public string? Name { get; private init; }
    public string? Main { get; private init; }
    public string? EnginesNode { get; private init; }

    /// <summary>Corepack's <c>packageManager</c> field, such as <c>pnpm@9.12.0</c>.</summary>
    public string? PackageManager { get; private init; }

    public IReadOnlyDictionary<string, string> Scripts { get; private init; } = new Dictionary<string, string>();
    public IReadOnlySet<string> Dependencies { get; private init; } = new HashSet<string>();
    public IReadOnlySet<string> DevDependencies { get; private init; } = new HashSet<string>();
    public bool HasWorkspaces { get; private init; }

    public bool Uses(string package) => Dependencies.Contains(package) || DevDependencies.Contains(package);

    /// <exception cref="StagecraftException">The file is not valid JSON (the message names the line).</exception>
    public static PackageJson Parse(string text, string displayPath)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new StagecraftException($"{displayPath}:1: not a JSON object");
            return new PackageJson
            {
                Name = String(root, "name"),
                Main = String(root, "main"),
                EnginesNode = root.TryGetProperty("engines", out var engines) && engines.ValueKind == JsonValueKind.Object ? String(engines, "node") : null,
                PackageManager = String(root, "packageManager"),
                Scripts = Strings(root, "scripts"),
                Dependencies = Names(root, "dependencies"),
                DevDependencies = Names(root, "devDependencies"),
                HasWorkspaces = root.TryGetProperty("workspaces", out _),
            };
        }
        catch (JsonException e)
        {
            throw new StagecraftException($"{displayPath}:{(e.LineNumber ?? 0) + 1}: not valid JSON: {FirstSentence(e.Message)}", e);
        }
    }

    /// <summary>Reads a JSON file that may have comments and trailing commas (tsconfig.json), or null when it cannot be read.</summary>
    public static JsonDocument? TryParseLoose(string? text)
    {
        if (text is null)
            return null;
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.', ' ');
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Strings(JsonElement root, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                    result[property.Name] = property.Value.GetString()!;
            }
        }
        return result;
    }

    private static HashSet<string> Names(JsonElement root, string name) => [.. Strings(root, name).Keys];
}
