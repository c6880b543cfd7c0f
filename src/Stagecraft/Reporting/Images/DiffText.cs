using System.Globalization;
using Stagecraft.Images.Diff;

namespace Stagecraft.Reporting.Images;

/// <summary>How the diff formats for people word sizes and changes.</summary>
public static class DiffText
{
    /// <summary>"541 MB → 117 MB (−424 MB, −78.4 %)".</summary>
    public static string Sizes(SizeChange change) => $"{ByteSize.Format(change.Before)} → {ByteSize.Format(change.After)} ({Signed(change.Change)}{Percent(change)})";

    /// <summary>"5 → 3 (−2)".</summary>
    public static string Counts(SizeChange change) => string.Create(CultureInfo.InvariantCulture, $"{change.Before} → {change.After} ({(change.Change >= 0 ? "+" : "−")}{Math.Abs(change.Change)})");

    public static string Signed(long bytes) => (bytes >= 0 ? "+" : "−") + ByteSize.Format(Math.Abs(bytes));

    private static string Percent(SizeChange change) => change.Ratio is { } ratio
        ? ", " + (ratio >= 0 ? "+" : "−") + Math.Abs(ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
        : "";

    public static string File(FileDiff file) => file.Change switch
    {
        ChangeKind.Added => $"{ByteSize.Format(file.SizeAfter ?? 0)}  {file.Path}",
        ChangeKind.Removed => $"{ByteSize.Format(file.SizeBefore ?? 0)}  {file.Path}",
        _ => $"{ByteSize.Format(file.SizeBefore ?? 0)} → {ByteSize.Format(file.SizeAfter ?? 0)}  {file.Path}",
    };

    public static string Package(PackageDiff package) => package.Change switch
    {
        ChangeKind.Added => $"{package.Name} {package.VersionAfter} ({package.Manager})",
        ChangeKind.Removed => $"{package.Name} {package.VersionBefore} ({package.Manager})",
        _ => $"{package.Name} {package.VersionBefore} → {package.VersionAfter} ({package.Manager})",
    };

    public static string Fact(FactDiff fact) => $"{fact.Category} {fact.Name} at {fact.Where}" + (fact.Bytes is { } bytes ? $" ({ByteSize.Format(bytes)})" : "");

    public static string Config(ConfigDiff config) => $"{config.Setting}: {config.Before ?? "(none)"} → {config.After ?? "(none)"}";

    public static string Layer(LayerDiff layer) =>
        $"{ShortId(layer.DiffId)}  {ByteSize.Format(layer.Size)}  {Step(layer.CreatedBy)}";

    public static string ShortId(string digest) => digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length > 19 ? digest[7..19] : digest;

    public static string Mark(ChangeKind change) => change switch
    {
        ChangeKind.Added => "+",
        ChangeKind.Removed => "-",
        _ => "~",
    };

    private static string Step(string? createdBy)
    {
        var text = (createdBy ?? "").ReplaceLineEndings(" ").Trim();
        return text.Length > 80 ? text[..79] + "…" : text;
    }

    public static string More(int shown, int count) => count > shown ? $"… and {count - shown} more" : "";
}
