namespace Stagecraft.Reporting.Images;

/// <summary>The whole of <c>stagecraft inspect --format json</c>. Every field is documented in docs/inspect-json.md; sizes are bytes.</summary>
public sealed record InspectJsonDocument(
    int Version,
    string Reference,
    InspectJsonImage Image,
    long TotalSize,
    long CompressedSize,
    long TarSize,
    long FilesystemSize,
    long ReclaimableBytes,
    int FileCount,
    int DirectoryCount,
    InspectJsonDive DiveCompatible,
    IReadOnlyList<InspectJsonLayer> Layers,
    IReadOnlyList<InspectJsonHistory> History,
    string? Dockerfile,
    InspectJsonOs? Os,
    InspectJsonBaseImage? BaseImage,
    InspectJsonPackages Packages,
    IReadOnlyList<InspectJsonBuildTool> BuildTools,
    IReadOnlyList<InspectJsonSecret> Secrets,
    IReadOnlyList<InspectJsonCache> Caches,
    long CacheBytes,
    IReadOnlyList<InspectJsonSetuidFile> SetuidFiles,
    InspectJsonConfig Config,
    IReadOnlyList<InspectJsonFile> LargestFiles,
    IReadOnlyList<InspectJsonDirectory> LargestDirectories,
    IReadOnlyList<InspectJsonReclaimable> ReclaimableFiles,
    int ReclaimableFileCount,
    IReadOnlyList<string> Notes)
{
    /// <summary>Raised only when a field changes meaning or disappears; new fields may appear without it.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>Which image was read: digests, names and platform.</summary>
public sealed record InspectJsonImage(
    string Id,
    string? ManifestDigest,
    string? ManifestMediaType,
    IReadOnlyList<string> Tags,
    string Platform,
    string PlatformNote,
    DateTimeOffset? Created);

/// <summary>dive's figures; <c>userWastedPercent</c> is null where dive's is not a number (a one-layer image).</summary>
public sealed record InspectJsonDive(
    double EfficiencyScore,
    long InefficientBytes,
    double? UserWastedPercent,
    long SizeBytes,
    long UserSizeBytes,
    IReadOnlyList<InspectJsonInefficiency> InefficientFiles,
    int InefficientFileCount);

/// <summary>A path dive counts as inefficient.</summary>
public sealed record InspectJsonInefficiency(string Path, int Count, long SizeBytes);

/// <summary>One layer, bottom first.</summary>
public sealed record InspectJsonLayer(
    int Index,
    string Digest,
    string DiffId,
    string MediaType,
    string Compression,
    long Size,
    long TarSize,
    long CompressedSize,
    int Files,
    int Entries,
    long ReclaimableBytes,
    int AddedPaths,
    int ChangedPaths,
    int RemovedPaths,
    int? History,
    string? CreatedBy,
    DateTimeOffset? Created,
    InspectJsonInstruction? Instruction,
    IReadOnlyList<string> Notes);

/// <summary>One history entry of the config.</summary>
public sealed record InspectJsonHistory(
    int Index,
    DateTimeOffset? Created,
    string? CreatedBy,
    string? Comment,
    bool EmptyLayer,
    int? Layer,
    InspectJsonInstruction? Instruction);

/// <summary>The Dockerfile instruction a step came from.</summary>
public sealed record InspectJsonInstruction(int Line, int EndLine, string Stage, string Text, string Match);

/// <summary>The distribution's os-release.</summary>
public sealed record InspectJsonOs(string Path, string? Id, string? VersionId, string? PrettyName, string? VersionCodename, string? IdLike);

/// <summary>A guess of the image this one was built FROM.</summary>
public sealed record InspectJsonBaseImage(string Image, string Reason);

/// <summary>Installed OS packages, all managers together and per database.</summary>
public sealed record InspectJsonPackages(int Count, long InstalledSize, IReadOnlyList<InspectJsonPackageDatabase> Managers);

/// <summary>The packages one manager's database lists.</summary>
public sealed record InspectJsonPackageDatabase(string Manager, string Database, int Count, long InstalledSize, IReadOnlyList<InspectJsonPackage> Packages);

/// <summary>One installed package; <c>size</c> is its installed size, null when the database does not record one.</summary>
public sealed record InspectJsonPackage(string Name, string Version, string? Architecture, long? Size);

/// <summary>A build tool and everywhere it lives.</summary>
public sealed record InspectJsonBuildTool(string Name, string Category, IReadOnlyList<InspectJsonToolLocation> Locations);

/// <summary>One place a build tool lives.</summary>
public sealed record InspectJsonToolLocation(string Path, IReadOnlyList<string> Links, string RealPath, string? Package, bool OnPath, string? Version);

/// <summary>A likely secret, never its value.</summary>
public sealed record InspectJsonSecret(string Kind, string Location, string Hint, bool InTestData);

/// <summary>A package-manager cache, temporary folder or bytecode cache left in the image.</summary>
public sealed record InspectJsonCache(string Tool, string Location, string Path, long Bytes, int Files, int Folders);

/// <summary>A setuid or setgid regular file.</summary>
public sealed record InspectJsonSetuidFile(string Path, string Mode, int Uid, int Gid, bool Setuid, bool Setgid, string? Package);

/// <summary>How a container of the image runs.</summary>
public sealed record InspectJsonConfig(
    string? User,
    bool? RunsAsRoot,
    string UserReason,
    IReadOnlyList<string>? Entrypoint,
    IReadOnlyList<string>? Cmd,
    string? WorkingDir,
    IReadOnlyList<InspectJsonEnv> Env,
    IReadOnlyList<string> ExposedPorts,
    InspectJsonHealthcheck? Healthcheck,
    IReadOnlyDictionary<string, string> Labels,
    string? StopSignal,
    IReadOnlyList<string>? Shell,
    string? Os,
    string? Architecture,
    string? Variant,
    DateTimeOffset? Created);

/// <summary>An ENV variable; the value is null (and <c>redacted</c> true) when it looks like a secret.</summary>
public sealed record InspectJsonEnv(string Name, string? Value, bool Redacted);

/// <summary>A HEALTHCHECK; durations in seconds, null when not set (Docker's defaults apply).</summary>
public sealed record InspectJsonHealthcheck(IReadOnlyList<string> Test, bool Disabled, double? IntervalSeconds, double? TimeoutSeconds, double? StartPeriodSeconds, int? Retries);

/// <summary>A file of the final filesystem, with the layer that put it there.</summary>
public sealed record InspectJsonFile(string Path, long Size, int Layer);

/// <summary>A folder of the final filesystem and the bytes under it.</summary>
public sealed record InspectJsonDirectory(string Path, long Size);

/// <summary>Reclaimable bytes shipped at one path, summed over its dead copies.</summary>
public sealed record InspectJsonReclaimable(string Path, long Size, int Copies);
