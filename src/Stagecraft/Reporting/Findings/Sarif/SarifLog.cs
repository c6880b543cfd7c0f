using System.Text.Json.Serialization;

namespace Stagecraft.Reporting.Findings.Sarif;

// The subset of SARIF 2.1.0 that Stagecraft writes, property for property; names follow the OASIS schema.

public sealed record SarifLog(
    [property: JsonPropertyName("$schema"), JsonPropertyOrder(-1)] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs)
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string CurrentVersion = "2.1.0";
}

public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results, string ColumnKind);

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(string Name, string InformationUri, string Version, string SemanticVersion, IReadOnlyList<SarifRule> Rules);

/// <summary>A <c>reportingDescriptor</c>: one rule's metadata.</summary>
public sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifText Help,
    string HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

/// <summary>A <c>message</c> or <c>multiformatMessageString</c>.</summary>
public sealed record SarifText(string Text, string? Markdown = null);

public sealed record SarifConfiguration(string Level);

public sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("security-severity")] string? SecuritySeverity);

public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyList<SarifFix>? Fixes);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

public sealed record SarifArtifactLocation(string Uri, string? UriBaseId);

/// <summary>1-based lines and code-point columns; the end column is the one just after the region.</summary>
public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

public sealed record SarifFix(SarifText Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges, SarifFixProperties Properties);

public sealed record SarifFixProperties(string Safety);

public sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

public sealed record SarifReplacement(SarifRegion DeletedRegion, SarifArtifactContent InsertedContent);

public sealed record SarifArtifactContent(string Text);
