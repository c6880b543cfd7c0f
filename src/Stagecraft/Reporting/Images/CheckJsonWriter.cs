using System.Text.Json;
using Stagecraft.Images.Policy;

namespace Stagecraft.Reporting.Images;

/// <summary><c>check --format json</c>: every check with exact numbers (bytes, counts, ratios); schema in docs/check.md.</summary>
public static class CheckJsonWriter
{
    public const int Version = 1;

    public static void Write(PolicyReport report, Stream output)
    {
        using (var json = ReportJson.Writer(output))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("reference", report.Reference);
            json.WriteString("imageId", report.ImageId);
            json.WriteStartArray("tags");
            foreach (var tag in report.Tags)
                json.WriteStringValue(tag);
            json.WriteEndArray();
            json.WriteBoolean("passed", report.Passed);
            json.WriteNumber("failed", report.FailedCount);
            json.WriteStartArray("checks");
            foreach (var check in report.Checks)
                WriteCheck(json, check);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    private static void WriteCheck(Utf8JsonWriter json, PolicyCheck check)
    {
        json.WriteStartObject();
        json.WriteString("rule", check.Rule);
        json.WriteBoolean("passed", check.Passed);
        json.WriteString("measure", check.Measure);
        json.WriteString("unit", check.Unit switch
        {
            PolicyUnit.Bytes => "bytes",
            PolicyUnit.Count => "count",
            PolicyUnit.Ratio => "ratio",
            _ => "flag",
        });
        json.WriteString("comparison", check.Comparison switch
        {
            PolicyComparison.AtMost or PolicyComparison.DiveAtMost => "at-most",
            PolicyComparison.AtLeast or PolicyComparison.DiveAtLeast => "at-least",
            _ => "required",
        });
        Number(json, "measured", check.Measured, check.Unit);
        Number(json, "limit", check.Limit, check.Unit);
        json.WriteString("text", CheckText.Message(check));
        if (check.Detail is null)
            json.WriteNull("detail");
        else
            json.WriteString("detail", check.Detail);
        json.WriteString("source", check.Source);
        json.WriteStartArray("violations");
        foreach (var violation in check.Violations)
        {
            json.WriteStartObject();
            json.WriteString("what", violation.What);
            if (violation.Where is null)
                json.WriteNull("where");
            else
                json.WriteString("where", violation.Where);
            if (violation.Package is null)
                json.WriteNull("package");
            else
                json.WriteString("package", violation.Package);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Bytes and counts are exact integers; ratios keep every digit.
    private static void Number(Utf8JsonWriter json, string name, double? value, PolicyUnit unit)
    {
        if (value is not { } v || !double.IsFinite(v))
            json.WriteNull(name);
        else if (unit == PolicyUnit.Ratio)
            json.WriteNumber(name, v);
        else
            json.WriteNumber(name, (long)v);
    }
}
