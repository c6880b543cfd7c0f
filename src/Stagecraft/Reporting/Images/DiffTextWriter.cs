using System.Text;
using Stagecraft.Images.Diff;

namespace Stagecraft.Reporting.Images;

/// <summary><c>diff --format tty</c>: sizes, layers, files, packages, build tools, secrets, caches and config that changed; '+' added, '-' removed, '~' changed.</summary>
public static class DiffTextWriter
{
    public static void Write(ImageDiff diff, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine($"--- {diff.Before} ({diff.IdBefore})");
        w.WriteLine($"+++ {diff.After} ({diff.IdAfter})");
        w.WriteLine();
        w.WriteLine("Sizes");
        w.WriteLine($"  uncompressed  {DiffText.Sizes(diff.TotalSize)}");
        w.WriteLine($"  compressed    {DiffText.Sizes(diff.CompressedSize)}");
        w.WriteLine($"  layers        {DiffText.Counts(diff.LayerCount)}");
        w.WriteLine($"  files         {DiffText.Counts(diff.FileCount)}");
        w.WriteLine();
        var shared = diff.SharedLayers.ToList();
        w.WriteLine($"Layers: {shared.Count} shared ({ByteSize.Format(shared.Sum(l => l.Size))}), {diff.Layers.Count(l => l.IndexAfter is null)} removed, {diff.Layers.Count(l => l.IndexBefore is null)} added");
        foreach (var layer in diff.Layers)
            w.WriteLine($"  {(layer.Shared ? "=" : layer.IndexAfter is null ? "-" : "+")} {DiffText.Layer(layer)}");
        Files(w, "Files added", diff.AddedFiles, DiffText.Signed(diff.AddedFiles.Bytes));
        Files(w, "Files removed", diff.RemovedFiles, DiffText.Signed(-diff.RemovedFiles.Bytes));
        Files(w, "Files changed", diff.ChangedFiles, "net " + DiffText.Signed(diff.ChangedFiles.Bytes));
        Section(w, "OS packages", diff.Packages.Select(p => $"{DiffText.Mark(p.Change)} {DiffText.Package(p)}").ToList());
        Section(w, "Build tools, secrets, caches", diff.Facts.Select(f => $"{DiffText.Mark(f.Change)} {DiffText.Fact(f)}").ToList());
        Section(w, "Config", diff.Config.Select(c => $"{DiffText.Mark(c.Change)} {DiffText.Config(c)}").ToList());
    }

    private static void Files(StreamWriter w, string title, FileDiffList files, string bytes)
    {
        w.WriteLine();
        w.WriteLine($"{title}: {files.Count} ({bytes})");
        foreach (var file in files.Largest)
            w.WriteLine($"  {DiffText.Mark(file.Change)} {DiffText.File(file)}");
        if (DiffText.More(files.Largest.Count, files.Count) is { Length: > 0 } more)
            w.WriteLine($"  {more}");
    }

    private static void Section(StreamWriter w, string title, List<string> lines)
    {
        w.WriteLine();
        w.WriteLine($"{title}: {(lines.Count == 0 ? "no change" : lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        foreach (var line in lines)
            w.WriteLine("  " + line);
    }
}
