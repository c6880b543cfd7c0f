using System.Text.Json;
using Stagecraft.Analysis;

namespace Stagecraft.Reporting;

/// <summary>
/// <c>stagecraft rules --format json</c>: <c>{"rules": [{"id", "name", "title", "severity", "category", "aliases",
/// "enabledByDefault", "help"}]}</c>, written with <see cref="Utf8JsonWriter"/> (no reflection).
/// </summary>
public static class RuleListJson
{
    public static void Write(IReadOnlyList<Rule> rules, Stream output)
    {
        using (var json = ReportJson.Writer(output))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                var d = rule.Descriptor;
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("name", d.Name);
                json.WriteString("title", d.Title);
                json.WriteString("severity", Severities.Name(d.DefaultSeverity));
                json.WriteString("category", RuleDocs.CategoryName(d.Category));
                json.WriteStartArray("aliases");
                foreach (var alias in d.Aliases)
                    json.WriteStringValue(alias);
                json.WriteEndArray();
                json.WriteBoolean("enabledByDefault", d.EnabledByDefault);
                json.WriteString("help", d.HelpUri);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }
}
