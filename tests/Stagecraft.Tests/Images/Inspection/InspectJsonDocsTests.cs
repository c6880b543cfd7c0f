using System.Text.Json;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Images.Inspection;

/// <summary>docs/inspect-json.md documents exactly the fields the JSON has: the golden sample (which fills every object) is the witness.</summary>
public sealed class InspectJsonDocsTests
{
    // Documented as a whole: a map of label names, and the instruction object documented once under history[].
    private static readonly string[] DocumentedWhole = ["config.labels", "layers[].instruction"];

    [Fact]
    public void Every_field_of_the_JSON_is_documented_and_every_documented_field_exists()
    {
        var golden = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests/Stagecraft.Tests/Images/Inspection/Golden/sample-image.json"));
        using var json = JsonDocument.Parse(golden);
        var actual = new SortedSet<string>(StringComparer.Ordinal);
        Walk(json.RootElement, "", actual);

        var documented = DocumentedFields();

        Assert.Empty(actual.Except(documented));
        Assert.Empty(documented.Except(actual));
    }

    private static void Walk(JsonElement element, string path, SortedSet<string> paths)
    {
        if (path.Length > 0)
            paths.Add(path);
        if (DocumentedWhole.Contains(path))
            return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, paths);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        Walk(item, path + "[]", paths);
                }
                paths.Remove(path + "[]");
                break;
        }
    }

    /// <summary>The first cell of every row of the tables headed "| field |".</summary>
    private static SortedSet<string> DocumentedFields()
    {
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(SharedData.RepositoryRoot, "docs/inspect-json.md")))
        {
            if (line.StartsWith("| field |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }
            var cell = line.Split('|')[1].Trim();
            if (inTable && cell.StartsWith('`') && cell.EndsWith('`'))
                fields.Add(cell.Trim('`'));
        }
        return fields;
    }
}
