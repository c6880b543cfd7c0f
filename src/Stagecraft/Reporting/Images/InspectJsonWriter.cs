using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Stagecraft.Images;
using Stagecraft.Images.Facts;
using Stagecraft.Images.Inspection;
using Stagecraft.Images.Layers;
using Stagecraft.Images.Policy;

namespace Stagecraft.Reporting.Images;

/// <summary>
/// Writes an <see cref="ImageInspection"/> as the JSON documented in docs/inspect-json.md. Lists that grow with the
/// image's files (largest files and folders, reclaimable and inefficient paths) hold the <c>top</c> largest, with the
/// full count beside them; every other list is complete.
/// </summary>
public static class InspectJsonWriter
{
    // Commands and labels are full of '<', '>', '&' and quotes; the output is never embedded in HTML, so keep it readable.
    private static readonly InspectJsonContext Context = new(new JsonSerializerOptions(InspectJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the document as UTF-8 JSON followed by a newline.</summary>
    public static void Write(ImageInspection inspection, Stream output, int top)
    {
        JsonSerializer.Serialize(output, ToDocument(inspection, top), Context.InspectJsonDocument);
        output.WriteByte((byte)'\n');
    }

    public static string ToJson(ImageInspection inspection, int top) =>
        JsonSerializer.Serialize(ToDocument(inspection, top), Context.InspectJsonDocument) + "\n";

    public static InspectJsonDocument ToDocument(ImageInspection inspection, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var facts = inspection.Facts;
        var files = inspection.Files;
        var dive = inspection.DiveCompatible;
        var reclaimable = files.ReclaimableByPath();
        return new InspectJsonDocument(
            InspectJsonDocument.CurrentVersion,
            inspection.Reference.ToString(),
            new InspectJsonImage(
                inspection.ConfigDigest.ToString(),
                inspection.ManifestDigest?.ToString(),
                inspection.ManifestMediaType,
                inspection.Tags,
                inspection.Platform.ToString(),
                inspection.PlatformNote,
                inspection.Config.Created),
            inspection.TotalSize,
            inspection.CompressedSize,
            inspection.TarSize,
            inspection.FilesystemSize,
            inspection.ReclaimableBytes,
            files.FileCount,
            files.DirectoryCount,
            new InspectJsonDive(
                dive.EfficiencyScore,
                dive.InefficientBytes,
                double.IsFinite(dive.UserWastedPercent) ? dive.UserWastedPercent : null,
                dive.SizeBytes,
                dive.UserSizeBytes,
                dive.Inefficiencies.Take(top).Select(i => new InspectJsonInefficiency(i.Path, i.Count, i.CumulativeSize)).ToArray(),
                dive.Inefficiencies.Count),
            inspection.Layers.Select(Layer).ToArray(),
            inspection.History.Select(h => new InspectJsonHistory(h.Index, h.Created, h.CreatedBy, h.Comment, h.EmptyLayer, h.Layer, Instruction(h.Instruction))).ToArray(),
            inspection.Dockerfile,
            facts.OsRelease is { } os ? new InspectJsonOs(os.Path, os.Id, os.VersionId, os.PrettyName, os.VersionCodename, os.IdLike) : null,
            facts.BaseImage is { } guess ? new InspectJsonBaseImage(guess.Image, guess.Reason) : null,
            new InspectJsonPackages(
                facts.Packages.Count,
                facts.Packages.TotalInstalledSize,
                facts.Packages.Databases.Select(d => new InspectJsonPackageDatabase(
                    ManagerName(d.Manager), d.Path, d.Count, d.TotalInstalledSize,
                    d.Packages.Select(p => new InspectJsonPackage(p.Name, p.Version, p.Architecture, p.InstalledSize)).ToArray())).ToArray()),
            facts.BuildTools.Select(t => new InspectJsonBuildTool(t.Name, CategoryName(t.Category),
                t.Locations.Select(l => new InspectJsonToolLocation(l.Path, l.Links, l.RealPath, l.Package, l.OnPath, l.Version)).ToArray())).ToArray(),
            facts.Secrets.Select(s => new InspectJsonSecret(SecretKinds.Name(s.Kind), s.Location, s.Hint, s.InTestData)).ToArray(),
            facts.Caches.Select(c => new InspectJsonCache(c.Tool, c.Location, c.Path, c.Bytes, c.Files, c.Folders)).ToArray(),
            facts.CacheBytes,
            facts.SetuidFiles.Select(f => new InspectJsonSetuidFile(f.Path, Octal(f.Mode), f.Uid, f.Gid, f.SetUid, f.SetGid, f.Package)).ToArray(),
            Config(facts.Config, inspection.Config),
            files.LargestFiles(top).Select(f => new InspectJsonFile(f.Path, f.Size, f.Layer)).ToArray(),
            files.LargestDirectories(top).Select(d => new InspectJsonDirectory(d.Path, d.Size)).ToArray(),
            reclaimable.Take(top).Select(r => new InspectJsonReclaimable(r.Path, r.Size, r.Copies)).ToArray(),
            reclaimable.Count,
            inspection.Notes);
    }

    private static InspectJsonLayer Layer(InspectedLayer layer) => new(
        layer.Index,
        layer.Digest.ToString(),
        layer.DiffId.ToString(),
        layer.MediaType,
        CompressionName(layer.Compression),
        layer.Size,
        layer.TarSize,
        layer.CompressedSize,
        layer.Files,
        layer.Entries,
        layer.ReclaimableBytes,
        layer.AddedPaths,
        layer.ChangedPaths,
        layer.RemovedPaths,
        layer.History?.Index,
        layer.CreatedBy,
        layer.History?.Created,
        Instruction(layer.Instruction),
        layer.Notes);

    private static InspectJsonInstruction? Instruction(DockerfileInstruction? instruction) => instruction is null ? null
        : new InspectJsonInstruction(instruction.Line, instruction.EndLine, instruction.Stage, instruction.Text, MatchName(instruction.Match));

    private static InspectJsonConfig Config(ConfigFacts config, ImageConfig raw) => new(
        config.User,
        config.RunsAsRoot,
        config.UserReason,
        config.Entrypoint,
        config.Cmd,
        config.WorkingDir,
        config.Env.Select(e => new InspectJsonEnv(e.Name, e.Value, e.Redacted)).ToArray(),
        config.ExposedPorts,
        config.Healthcheck is { } health
            ? new InspectJsonHealthcheck(health.Test, !config.HasHealthcheck, Seconds(health.Interval), Seconds(health.Timeout), Seconds(health.StartPeriod), health.Retries)
            : null,
        config.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
        raw.StopSignal,
        raw.Shell,
        config.Os,
        config.Architecture,
        config.Variant,
        config.Created);

    private static double? Seconds(TimeSpan? duration) => duration?.TotalSeconds;

    /// <summary>The names the JSON writes for enum values; fixed here so renaming a C# member cannot change the schema.</summary>
    internal static string MatchName(DockerfileMatch match) => match switch
    {
        DockerfileMatch.Exact => "exact",
        DockerfileMatch.SameKind => "same-kind",
        _ => "base-image",
    };

    internal static string ManagerName(OsPackageManager manager) => manager switch
    {
        OsPackageManager.Dpkg => "dpkg",
        OsPackageManager.Apk => "apk",
        _ => "rpm",
    };

    internal static string CategoryName(BuildToolCategory category) => category switch
    {
        BuildToolCategory.Compiler => "compiler",
        BuildToolCategory.BuildSystem => "build-system",
        BuildToolCategory.PackageManager => "package-manager",
        BuildToolCategory.VersionControl => "version-control",
        _ => "sdk",
    };

    private static string CompressionName(LayerCompression compression) => compression switch
    {
        LayerCompression.None => "none",
        LayerCompression.Gzip => "gzip",
        LayerCompression.Zstd => "zstd",
        _ => "estargz",
    };


    private static string Octal(int mode) => Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0');
}
