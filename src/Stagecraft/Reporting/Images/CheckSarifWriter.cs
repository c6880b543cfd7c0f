using System.Text.Json;
using Stagecraft.Images.Policy;
using Stagecraft.Reporting.Findings;

namespace Stagecraft.Reporting.Images;

/// <summary>
/// <c>check --format sarif</c>: SARIF 2.1.0, one rule per checked policy rule, one result per failed rule (level error),
/// placed at the image by a logical location (an image has no file in the repository); each forbidden thing is a
/// related location named by its path in the image.
/// </summary>
public static class CheckSarifWriter
{
    public static void Write(PolicyReport report, Stream output, string? toolVersion = null)
    {
        using (var json = ReportJson.Writer(output))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", SarifReporter.ToolName);
            json.WriteString("version", toolVersion ?? FindingsReporterOptions.Default.ToolVersion);
            json.WriteString("informationUri", SarifReporter.InformationUri);
            json.WriteStartArray("rules");
            foreach (var check in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("id", check.Rule);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", check.Measure);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var check in report.Checks.Where(c => !c.Passed))
                WriteResult(json, report, check);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    private static void WriteResult(Utf8JsonWriter json, PolicyReport report, PolicyCheck check)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", check.Rule);
        json.WriteString("level", "error");
        json.WriteStartObject("message");
        json.WriteString("text", $"{report.Reference}: {check.Measure}: {CheckText.Message(check)}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", report.Reference);
        json.WriteString("kind", "image");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (check.Violations.Any(v => v.Where is not null))
        {
            json.WriteStartArray("relatedLocations");
            var id = 0;
            foreach (var violation in check.Violations.Where(v => v.Where is not null))
            {
                json.WriteStartObject();
                json.WriteNumber("id", id++);
                json.WriteStartObject("message");
                json.WriteString("text", CheckText.Violation(violation));
                json.WriteEndObject();
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", report.Reference + "!" + violation.Where);
                json.WriteString("kind", "file");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartObject("properties");
        json.WriteString("imageId", report.ImageId);
        json.WriteString("source", check.Source);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
