using System.Text;
using Stagecraft.Images.Diff;

namespace Stagecraft.Reporting.Images;

/// <summary><c>diff --format markdown</c>: the same report as tables and lists, for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>.</summary>
public static class DiffMarkdownWriter
{
    public static void Write(ImageDiff diff, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine($"### Image diff: {DiffText.Signed(diff.TotalSize.Change)} uncompressed, {DiffText.Signed(diff.CompressedSize.Change)} compressed");
        w.WriteLine();
        w.WriteLine($"`{Code(diff.Before)}` → `{Code(diff.After)}`");
        w.WriteLine();
        w.WriteLine("| | Before | After | Change |");
        w.WriteLine("| --- | --- | --- | --- |");
        Row(w, "Uncompressed", ByteSize.Format(diff.TotalSize.Before), ByteSize.Format(diff.TotalSize.After), DiffText.Sizes(diff.TotalSize).Split('(')[1].TrimEnd(')'));
        Row(w, "Compressed", ByteSize.Format(diff.CompressedSize.Before), ByteSize.Format(diff.CompressedSize.After), DiffText.Sizes(diff.CompressedSize).Split('(')[1].TrimEnd(')'));
        Row(w, "Layers", N(diff.LayerCount.Before), N(diff.LayerCount.After), $"{diff.SharedLayers.Count()} shared");
        Row(w, "Files", N(diff.FileCount.Before), N(diff.FileCount.After), $"{diff.AddedFiles.Count} added, {diff.RemovedFiles.Count} removed, {diff.ChangedFiles.Count} changed");
        Files(w, "Largest files added", diff.AddedFiles);
        Files(w, "Largest files removed", diff.RemovedFiles);
        Files(w, "Largest files changed", diff.ChangedFiles);
        List(w, "OS packages", diff.Packages.Select(p => $"{Word(p.Change)} {DiffText.Package(p)}").ToList());
        List(w, "Build tools, secrets, caches", diff.Facts.Select(f => $"{Word(f.Change)} {DiffText.Fact(f)}").ToList());
        List(w, "Config", diff.Config.Select(c => $"{Word(c.Change)} {DiffText.Config(c)}").ToList());
    }

    private static string N(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Row(StreamWriter w, string name, string before, string after, string change) => w.WriteLine($"| {name} | {before} | {after} | {change} |");

    private static void Files(StreamWriter w, string title, FileDiffList files)
    {
        if (files.Count == 0)
            return;
        w.WriteLine();
        w.WriteLine($"<details><summary>{title} ({files.Count})</summary>");
        w.WriteLine();
        foreach (var file in files.Largest)
            w.WriteLine($"- {Cell(DiffText.File(file))}");
        if (DiffText.More(files.Largest.Count, files.Count) is { Length: > 0 } more)
            w.WriteLine($"- {more}");
        w.WriteLine();
        w.WriteLine("</details>");
    }

    private static void List(StreamWriter w, string title, List<string> lines)
    {
        w.WriteLine();
        w.WriteLine($"**{title}**: {(lines.Count == 0 ? "no change" : "")}");
        if (lines.Count == 0)
            return;
        w.WriteLine();
        foreach (var line in lines)
            w.WriteLine($"- {Cell(line)}");
    }

    private static string Word(ChangeKind change) => change switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal);
}
