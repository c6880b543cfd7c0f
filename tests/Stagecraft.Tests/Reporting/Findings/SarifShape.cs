using System.Text.Json;

namespace Stagecraft.Tests.Reporting.Findings;

/// <summary>
/// Checks SARIF output against the parts of the OASIS SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json, errata01) that
/// Stagecraft writes: for each object, its required properties and that every property it has is one the schema
/// defines there (the schema forbids others), plus the enums, minimums and uniqueness GitHub checks on upload.
/// The tables below are transcribed from the schema's definitions.
/// </summary>
internal static class SarifShape
{
    private static readonly Dictionary<string, (string[] Required, Dictionary<string, string?> Properties)> Definitions = new()
    {
        ["sarifLog"] = (["version", "runs"], new() { ["$schema"] = null, ["version"] = null, ["runs"] = "run[]", ["inlineExternalProperties"] = null, ["properties"] = "propertyBag" }),
        ["run"] = (["tool"], new()
        {
            ["tool"] = "tool", ["invocations"] = null, ["conversion"] = null, ["language"] = null, ["versionControlProvenance"] = null,
            ["originalUriBaseIds"] = null, ["artifacts"] = null, ["logicalLocations"] = null, ["graphs"] = null, ["results"] = "result[]",
            ["automationDetails"] = null, ["runAggregates"] = null, ["baselineGuid"] = null, ["redactionTokens"] = null, ["defaultEncoding"] = null,
            ["defaultSourceLanguage"] = null, ["newlineSequences"] = null, ["columnKind"] = null, ["externalPropertyFileReferences"] = null,
            ["threadFlowLocations"] = null, ["taxonomies"] = null, ["addresses"] = null, ["translations"] = null, ["policies"] = null,
            ["webRequests"] = null, ["webResponses"] = null, ["specialLocations"] = null, ["properties"] = "propertyBag",
        }),
        ["tool"] = (["driver"], new() { ["driver"] = "toolComponent", ["extensions"] = "toolComponent[]", ["properties"] = "propertyBag" }),
        ["toolComponent"] = (["name"], new()
        {
            ["guid"] = null, ["name"] = null, ["organization"] = null, ["product"] = null, ["productSuite"] = null,
            ["shortDescription"] = "multiformatMessageString", ["fullDescription"] = "multiformatMessageString", ["fullName"] = null, ["version"] = null,
            ["semanticVersion"] = null, ["dottedQuadFileVersion"] = null, ["releaseDateUtc"] = null, ["downloadUri"] = null, ["informationUri"] = null,
            ["globalMessageStrings"] = null, ["notifications"] = "reportingDescriptor[]", ["rules"] = "reportingDescriptor[]", ["taxa"] = "reportingDescriptor[]",
            ["locations"] = "artifactLocation[]", ["language"] = null, ["contents"] = null, ["isComprehensive"] = null, ["localizedDataSemanticVersion"] = null,
            ["minimumRequiredLocalizedDataSemanticVersion"] = null, ["associatedComponent"] = null, ["translationMetadata"] = null,
            ["supportedTaxonomies"] = null, ["properties"] = "propertyBag",
        }),
        ["reportingDescriptor"] = (["id"], new()
        {
            ["id"] = null, ["deprecatedIds"] = null, ["guid"] = null, ["deprecatedGuids"] = null, ["name"] = null, ["deprecatedNames"] = null,
            ["shortDescription"] = "multiformatMessageString", ["fullDescription"] = "multiformatMessageString", ["messageStrings"] = null,
            ["defaultConfiguration"] = "reportingConfiguration", ["helpUri"] = null, ["help"] = "multiformatMessageString", ["relationships"] = null,
            ["properties"] = "propertyBag",
        }),
        ["reportingConfiguration"] = ([], new() { ["enabled"] = null, ["level"] = null, ["rank"] = null, ["parameters"] = "propertyBag", ["properties"] = "propertyBag" }),
        ["multiformatMessageString"] = (["text"], new() { ["text"] = null, ["markdown"] = null, ["properties"] = "propertyBag" }),
        ["message"] = ([], new() { ["text"] = null, ["markdown"] = null, ["id"] = null, ["arguments"] = null, ["properties"] = "propertyBag" }),
        ["propertyBag"] = ([], new() { ["tags"] = null }),
        ["result"] = (["message"], new()
        {
            ["ruleId"] = null, ["ruleIndex"] = null, ["rule"] = null, ["kind"] = null, ["level"] = null, ["message"] = "message",
            ["analysisTarget"] = "artifactLocation", ["locations"] = "location[]", ["guid"] = null, ["correlationGuid"] = null, ["occurrenceCount"] = null,
            ["partialFingerprints"] = null, ["fingerprints"] = null, ["stacks"] = null, ["codeFlows"] = null, ["graphs"] = null, ["graphTraversals"] = null,
            ["relatedLocations"] = "location[]", ["suppressions"] = null, ["baselineState"] = null, ["rank"] = null, ["attachments"] = null,
            ["hostedViewerUri"] = null, ["workItemUris"] = null, ["provenance"] = null, ["fixes"] = "fix[]", ["taxa"] = null, ["webRequest"] = null,
            ["webResponse"] = null, ["properties"] = "propertyBag",
        }),
        ["location"] = ([], new()
        {
            ["id"] = null, ["physicalLocation"] = "physicalLocation", ["logicalLocations"] = null, ["message"] = "message", ["annotations"] = "region[]",
            ["relationships"] = null, ["properties"] = "propertyBag",
        }),
        ["physicalLocation"] = ([], new()
        {
            ["address"] = null, ["artifactLocation"] = "artifactLocation", ["region"] = "region", ["contextRegion"] = "region", ["properties"] = "propertyBag",
        }),
        ["artifactLocation"] = ([], new() { ["uri"] = null, ["uriBaseId"] = null, ["index"] = null, ["description"] = "message", ["properties"] = "propertyBag" }),
        ["region"] = ([], new()
        {
            ["startLine"] = null, ["startColumn"] = null, ["endLine"] = null, ["endColumn"] = null, ["charOffset"] = null, ["charLength"] = null,
            ["byteOffset"] = null, ["byteLength"] = null, ["snippet"] = "artifactContent", ["message"] = "message", ["sourceLanguage"] = null,
            ["properties"] = "propertyBag",
        }),
        ["fix"] = (["artifactChanges"], new() { ["description"] = "message", ["artifactChanges"] = "artifactChange[]", ["properties"] = "propertyBag" }),
        ["artifactChange"] = (["artifactLocation", "replacements"], new()
        {
            ["artifactLocation"] = "artifactLocation", ["replacements"] = "replacement[]", ["properties"] = "propertyBag",
        }),
        ["replacement"] = (["deletedRegion"], new() { ["deletedRegion"] = "region", ["insertedContent"] = "artifactContent", ["properties"] = "propertyBag" }),
        ["artifactContent"] = ([], new() { ["text"] = null, ["binary"] = null, ["rendered"] = "multiformatMessageString", ["properties"] = "propertyBag" }),
    };

    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static void Check(JsonDocument sarif)
    {
        var root = sarif.RootElement;
        Object(root, "sarifLog", "$");
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var runs = root.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        var run = runs[0];
        Assert.Contains(run.GetProperty("columnKind").GetString(), new[] { "utf16CodeUnits", "unicodeCodePoints" });
        Assert.Equal(JsonValueKind.Array, run.GetProperty("results").ValueKind);

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(rules.Length, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        foreach (var rule in rules)
        {
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Levels);
            var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray();
            Assert.Equal(tags.Length, tags.Distinct().Count());
            Assert.InRange(tags.Length, 1, 10);
            if (rule.GetProperty("properties").TryGetProperty("security-severity", out var severity))
                Assert.InRange(double.Parse(severity.GetString()!, System.Globalization.CultureInfo.InvariantCulture), 0.1, 10.0);
            Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
        }

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            Assert.Contains(result.GetProperty("level").GetString(), Levels);
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.InRange(index, 0, rules.Length - 1);
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            foreach (var fingerprint in result.GetProperty("partialFingerprints").EnumerateObject())
                Assert.Equal(JsonValueKind.String, fingerprint.Value.ValueKind);
        }
    }

    private static void Object(JsonElement element, string definition, string path)
    {
        Assert.True(element.ValueKind == JsonValueKind.Object, $"{path} should be an object ({definition})");
        var (required, properties) = Definitions[definition];
        foreach (var name in required)
            Assert.True(element.TryGetProperty(name, out _), $"{path} ({definition}) lacks required '{name}'");
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (!properties.TryGetValue(property.Name, out var child))
            {
                Assert.True(definition == "propertyBag", $"{at}: '{property.Name}' is not a property of {definition}");
                continue;
            }
            Assert.NotEqual(JsonValueKind.Null, property.Value.ValueKind);
            if (definition == "region" && property.Name is "startLine" or "startColumn" or "endLine" or "endColumn")
                Assert.True(property.Value.GetInt32() >= 1, $"{at} must be at least 1");
            if (child is null)
                continue;
            if (child.EndsWith("[]", StringComparison.Ordinal))
            {
                Assert.True(property.Value.ValueKind == JsonValueKind.Array, $"{at} should be an array");
                var i = 0;
                foreach (var item in property.Value.EnumerateArray())
                    Object(item, child[..^2], $"{at}[{i++}]");
            }
            else
            {
                Object(property.Value, child, at);
            }
        }
    }
}
