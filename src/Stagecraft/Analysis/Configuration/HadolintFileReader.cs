using YamlDotNet.RepresentationModel;

namespace Stagecraft.Analysis.Configuration;

/// <summary>
/// Reads hadolint's configuration file (<c>.hadolint.yaml</c>) with hadolint's keys. Unlike hadolint, which skips a
/// file it cannot read and lints with defaults, every problem stops the run naming the file and line: invalid YAML, an
/// unknown key, a value of the wrong type, a rule code that is no code.
/// </summary>
internal sealed class HadolintFileReader(string path, IReadOnlyList<Rule> rules) : YamlSettingsReader(path)
{
    private const string Ignored = "ignored";
    private const string Override = "override";
    private const string FailureThreshold = "failure-threshold";
    private const string TrustedRegistries = "trustedRegistries";
    private const string LabelSchema = "label-schema";
    private const string StrictLabels = "strict-labels";
    private const string DisableIgnorePragma = "disable-ignore-pragma";
    private const string NoFail = "no-fail";
    private const string NoColor = "no-color";
    private const string Verbose = "verbose";
    private const string Format = "format";
    private const string Formats = "formats";

    private static readonly string[] Keys =
        [Ignored, Override, FailureThreshold, TrustedRegistries, LabelSchema, StrictLabels, DisableIgnorePragma, NoFail, NoColor, Verbose, Format, Formats];

    /// <summary>The output formats hadolint knows; a file may name them, but Stagecraft's report is chosen with <c>--format</c>.</summary>
    public static readonly string[] OutputFormats = ["tty", "json", "checkstyle", "codeclimate", "gitlab_codeclimate", "gnu", "codacy", "sonarqube", "sarif", "junit"];

    /// <summary>hadolint's threshold names: its <c>ignore</c> and <c>none</c> fail on any finding, as <c>style</c> does.</summary>
    public static readonly string[] ThresholdNames = ["error", "warning", "info", "style", "ignore", "none"];

    private readonly List<string> _unknownCodes = [];

    public HadolintSettings Read(string text)
    {
        var settings = new HadolintSettings();
        var mapping = ReadRoot(text);
        if (mapping is null)
            return settings;
        foreach (var (key, value) in Entries(mapping, Keys, where: " for hadolint"))
        {
            if (IsNull(value))
                continue;
            switch (key)
            {
                case Ignored:
                    settings.Ignored.AddRange(Items(value, Ignored, "rule codes").Select(RuleCode));
                    break;
                case Override:
                    settings.SeverityOverrides.AddRange(ReadSeverityLists(value, Override, "DL3008", RuleCode).Select(o => (o.Code, o.Severity)));
                    break;
                case FailureThreshold:
                    settings.FailureThreshold = ReadThreshold(value);
                    break;
                case TrustedRegistries:
                    // hadolint documents a single registry as well as a list.
                    settings.TrustedRegistries.AddRange(value is YamlScalarNode
                        ? [Scalar(value, TrustedRegistries, "a registry or a list of registries")]
                        : Items(value, TrustedRegistries, "registry host names").Select(i => i.Value!));
                    break;
                case LabelSchema:
                    foreach (var (label, kind) in ReadLabelSchema(value, LabelSchema, emptyIsText: true))
                        settings.LabelSchema[label] = kind;
                    break;
                case StrictLabels:
                    settings.StrictLabels = ReadBoolean(value, StrictLabels);
                    break;
                case DisableIgnorePragma:
                    settings.DisableIgnorePragma = ReadBoolean(value, DisableIgnorePragma);
                    break;
                case NoFail:
                    settings.NoFail = ReadBoolean(value, NoFail);
                    break;
                case NoColor or Verbose:
                    if (ReadBoolean(value, key))
                        settings.Notes.Add(OutputNote(value, key, key == NoColor ? " (use --no-color or NO_COLOR)" : ""));
                    break;
                case Format:
                    ReadFormat(value, Format);
                    settings.Notes.Add(OutputNote(value, key, " (use --format)"));
                    break;
                case Formats:
                    foreach (var item in Items(value, Formats, "output formats"))
                        ReadFormat(item, Formats);
                    settings.Notes.Add(OutputNote(value, key, " (use --format)"));
                    break;
            }
        }
        if (HadolintRuleCodes.UnknownNote(Path, _unknownCodes) is { } note)
            settings.Notes.Add(note);
        return settings;
    }

    private string RuleCode(YamlScalarNode item)
    {
        var code = HadolintRuleCodes.Resolve(item.Value!, rules, out var unknown) ?? throw Error(item, RuleLookup.UnknownMessage(item.Value!.Trim(), rules));
        if (unknown)
            _unknownCodes.Add(code);
        return code;
    }

    private Severity ReadThreshold(YamlNode node)
    {
        var text = Scalar(node, FailureThreshold, "a severity");
        if (!ThresholdNames.Contains(text.ToLowerInvariant()))
            throw Error(node, Unknown("failure threshold", text, ThresholdNames));
        return Severities.TryParse(text, out var severity) ? severity : Severity.Style;
    }

    private void ReadFormat(YamlNode node, string key)
    {
        var name = Scalar(node, key, "an output format");
        if (!OutputFormats.Contains(name))
            throw Error(node, Unknown("output format", name, OutputFormats));
    }

    private string OutputNote(YamlNode node, string key, string hint) =>
        $"{Path}:{node.Start.Line}: '{key}' only shapes hadolint's own output; Stagecraft does not use it{hint}";
}
