using System.Globalization;
using System.Text;
using Spectre.Console;
using Stagecraft.Images.Facts;
using Stagecraft.Images.Inspection;
using Stagecraft.Reporting;

namespace Stagecraft.Cli.Reporting;

/// <summary>
/// The human view of an inspected image: the image, a table of its layers (sizes, files, waste and the step or Dockerfile
/// line that made each), a summary (sizes, waste, efficiency, packages, build tools, user, healthcheck, ports, caches,
/// secrets), the largest files, and notes. Sizes are in SI units (kB = 1,000 bytes), as Docker shows them. Every piece of
/// image text goes through <see cref="Markup.Escape"/> and loses its control characters: images are untrusted input.
/// </summary>
internal sealed class InspectTtyReporter(bool color, int width, int top)
{
    private const int LabelWidth = 14;
    private const int MinStepWidth = 20;
    private const int MostLocationsShown = 3;

    public void Write(ImageInspection inspection, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true)
        {
            NewLine = "\n",
        };
        // Lines are cut to the width here; Spectre must never wrap them.
        var console = SpectreTerminal.Create(writer, color, 1 << 20);
        WriteImage(console, inspection);
        WriteLayers(console, inspection);
        WriteSummary(console, inspection);
        WriteLargestFiles(console, inspection);
        WriteNotes(console, inspection);
        writer.Flush();
    }

    private static void WriteImage(IAnsiConsole console, ImageInspection inspection)
    {
        var tags = inspection.Tags.Count > 0 ? " (" + string.Join(", ", inspection.Tags) + ")" : "";
        console.MarkupLine($"[bold]{Escape(inspection.Reference + tags)}[/]");
        Field(console, "Id", inspection.ConfigDigest.ToString());
        if (inspection.ManifestDigest is { } manifest)
            Field(console, "Manifest", manifest.ToString());
        Field(console, "Platform", inspection.PlatformNote);
        if (inspection.Config.Created is { } created)
            Field(console, "Created", created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        if (inspection.Dockerfile is { } dockerfile)
            Field(console, "Dockerfile", dockerfile);
        console.WriteLine();
    }

    private void WriteLayers(IAnsiConsole console, ImageInspection inspection)
    {
        var withLines = inspection.Dockerfile is not null;
        string[] headers = withLines
            ? ["#", "SIZE", "COMPRESSED", "FILES", "WASTE", "LINE", "INSTRUCTION"]
            : ["#", "SIZE", "COMPRESSED", "FILES", "WASTE", "CREATED BY"];
        var rows = inspection.Layers.Select(string[] (layer) =>
        {
            string[] numbers =
            [
                layer.Index.ToString(CultureInfo.InvariantCulture),
                ByteSize.Format(layer.Size),
                ByteSize.Format(layer.CompressedSize),
                layer.Files.ToString("N0", CultureInfo.InvariantCulture),
                layer.ReclaimableBytes == 0 ? "-" : ByteSize.Format(layer.ReclaimableBytes),
            ];
            var summary = layer.History is not { } step ? "(no history entry)"
                : step.Summary ?? (string.IsNullOrWhiteSpace(step.Comment) ? "(no command recorded)" : step.Comment.Trim());
            if (!withLines)
                return [.. numbers, summary];
            return layer.Instruction switch
            {
                null => [.. numbers, "?", "(no instruction) " + summary],
                { Match: DockerfileMatch.BaseImage } i => [.. numbers, Line(i.Line), $"{i.Text} (base image: {summary})"],
                var i => [.. numbers, Line(i.Line), i.Text],
            };
        }).ToList();
        var widths = Enumerable.Range(0, headers.Length - 1).Select(c => rows.Select(r => r[c].Length).Append(headers[c].Length).Max()).ToArray();
        var fixedWidth = 2 + widths.Sum() + 2 * widths.Length;
        var stepWidth = Math.Max(MinStepWidth, width - fixedWidth);

        console.MarkupLine("[bold]Layers[/]");
        console.MarkupLine("[dim]" + Escape(Row(headers, widths, stepWidth)) + "[/]");
        foreach (var row in rows)
            console.MarkupLine(Escape(Row(row, widths, stepWidth)));
        console.WriteLine();
    }

    private static string Line(int line) => line.ToString(CultureInfo.InvariantCulture);

    /// <summary>Numbers right-aligned, the step left-aligned and cut to the room left on the line.</summary>
    private static string Row(string[] cells, int[] widths, int stepWidth)
    {
        var line = new StringBuilder("  ");
        for (var c = 0; c < widths.Length; c++)
            line.Append(cells[c].PadLeft(widths[c])).Append("  ");
        line.Append(Cut(cells[^1], stepWidth));
        return line.ToString().TrimEnd();
    }

    private void WriteSummary(IAnsiConsole console, ImageInspection inspection)
    {
        var facts = inspection.Facts;
        var dive = inspection.DiveCompatible;
        console.MarkupLine("[bold]Summary[/]");
        Field(console, "Size", $"{ByteSize.Format(inspection.TotalSize)} in {Count(inspection.Layers.Count, "layer")}, " +
            $"{ByteSize.Format(inspection.CompressedSize)} compressed (SI units: 1 MB = 1,000,000 bytes)");
        Field(console, "Filesystem", $"{ByteSize.Format(inspection.FilesystemSize)} in {Count(inspection.Files.FileCount, "file")} " +
            $"(links included) and {Count(inspection.Files.DirectoryCount, "folder")}");
        Field(console, "Reclaimable", inspection.ReclaimableBytes == 0
            ? "nothing: no layer ships bytes that a later layer overwrites or deletes"
            : $"{ByteSize.Format(inspection.ReclaimableBytes)} ({Percent(inspection.ReclaimableBytes, inspection.TotalSize)}) shipped in a layer, " +
              "then overwritten or deleted by a later one");
        Field(console, "Efficiency", $"{dive.EfficiencyScore * 100:0.0}% as dive scores it ({ByteSize.Format(dive.InefficientBytes)} inefficient" +
            (double.IsFinite(dive.UserWastedPercent) ? $", user-wasted {dive.UserWastedPercent * 100:0.0}%)" : ")"));
        if (facts.OsRelease is { } os)
            Field(console, "OS", os.PrettyName ?? $"{os.Id} {os.VersionId}".Trim());
        if (facts.BaseImage is { } guess)
            Field(console, "Base image", $"{guess.Image} (a guess: {guess.Reason})");
        Field(console, "Packages", facts.Packages.Count == 0 ? "no package database"
            : $"{facts.Packages.Count:N0} (" + string.Join(", ", facts.Packages.Databases.Select(d =>
                $"{ManagerName(d.Manager)} {d.Count:N0}" + (d.TotalInstalledSize > 0 ? $", {ByteSize.Format(d.TotalInstalledSize)} installed" : ""))) + ")");
        WriteBuildTools(console, facts.BuildTools);
        Field(console, "User", facts.Config.RunsAsRoot switch
        {
            true => "root: " + facts.Config.UserReason,
            false => "not root: " + facts.Config.UserReason,
            _ => "unknown: " + facts.Config.UserReason,
        });
        Field(console, "Healthcheck", Healthcheck(facts.Config));
        Field(console, "Ports", facts.Config.ExposedPorts.Count == 0 ? "none exposed" : string.Join(", ", facts.Config.ExposedPorts));
        Field(console, "Caches", facts.Caches.Count == 0 ? "none found"
            : $"{ByteSize.Format(facts.CacheBytes)}: " + Listed(facts.Caches.Select(c => $"{c.Path} ({c.Tool}, {ByteSize.Format(c.Bytes)})").ToArray()));
        var secrets = facts.Secrets.Where(s => !s.InTestData).ToArray();
        var testData = facts.Secrets.Count - secrets.Length;
        Field(console, "Secrets", (secrets.Length == 0 ? "none found" : $"{secrets.Length} likely: " + Listed(secrets.Select(s => $"{s.Location} ({s.Hint})").ToArray()))
            + (testData > 0 ? $"; {testData} more in test or example folders" : ""));
        Field(console, "Setuid/setgid", facts.SetuidFiles.Count == 0 ? "none"
            : Count(facts.SetuidFiles.Count, "file") + ": " + Listed(facts.SetuidFiles.Select(f => f.Path).ToArray()));
        console.WriteLine();
    }

    private static void WriteBuildTools(IAnsiConsole console, IReadOnlyList<BuildTool> tools)
    {
        if (tools.Count == 0)
        {
            Field(console, "Build tools", "none found");
            return;
        }
        var first = true;
        foreach (var tool in tools)
        {
            var locations = tool.Locations.Take(MostLocationsShown).Select(Location).ToList();
            if (tool.Locations.Count > MostLocationsShown)
                locations.Add($"+{tool.Locations.Count - MostLocationsShown} more");
            Field(console, first ? "Build tools" : "", $"{tool.Name}: {string.Join("; ", locations)}");
            first = false;
        }
    }

    private static string Location(ToolLocation location)
    {
        var text = location.Version is { } version ? $"{location.Path} ({version})"
            : location.RealPath == location.Path ? location.Path : $"{location.Path} → {location.RealPath}";
        return location.Package is { } package ? $"{text} (package {package})" : text;
    }

    private static string Healthcheck(ConfigFacts config)
    {
        if (config.Healthcheck is not { } health)
            return "none";
        if (!config.HasHealthcheck)
            return "disabled (HEALTHCHECK NONE)";
        var command = health.Test[0] == "CMD-SHELL" ? string.Join(' ', health.Test.Skip(1)) : string.Join(' ', health.Test.Skip(1).Select(Quote));
        return health.Interval is { } interval ? $"{command} (every {interval.TotalSeconds:0.#}s)" : command;
    }

    private static string Quote(string word) => word.Contains(' ') ? '"' + word + '"' : word;

    private void WriteLargestFiles(IAnsiConsole console, ImageInspection inspection)
    {
        var files = inspection.Files.LargestFiles(top);
        if (files.Count == 0)
            return;
        console.MarkupLine($"[bold]Largest files[/]");
        var sizes = files.Select(f => ByteSize.Format(f.Size)).ToArray();
        var sizeWidth = sizes.Max(s => s.Length);
        for (var i = 0; i < files.Count; i++)
        {
            var layer = $"  (layer {files[i].Layer})";
            var room = Math.Max(MinStepWidth, width - 4 - sizeWidth - layer.Length);
            console.MarkupLine(Escape($"  {sizes[i].PadLeft(sizeWidth)}  {Cut(files[i].Path, room)}") + $"[dim]{Escape(layer)}[/]");
        }
        console.WriteLine();
    }

    private static void WriteNotes(IAnsiConsole console, ImageInspection inspection)
    {
        if (inspection.Notes.Count == 0)
            return;
        console.MarkupLine("[bold]Notes[/]");
        foreach (var note in inspection.Notes)
            console.MarkupLine("  - " + Escape(note));
    }

    private static void Field(IAnsiConsole console, string label, string value) =>
        console.MarkupLine($"  [dim]{Escape(label.PadRight(LabelWidth))}[/]{Escape(value)}");

    private static string Listed(string[] items) =>
        items.Length <= MostLocationsShown ? string.Join(", ", items)
            : string.Join(", ", items.Take(MostLocationsShown)) + $", +{items.Length - MostLocationsShown} more";

    private static string ManagerName(OsPackageManager manager) => manager switch
    {
        OsPackageManager.Dpkg => "dpkg",
        OsPackageManager.Apk => "apk",
        _ => "rpm",
    };

    private static string Percent(long part, long whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0.0}%";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}s";

    private static string Cut(string text, int room) => text.Length <= room ? text : text[..Math.Max(0, room - 1)] + "…";

    /// <summary>Image text is untrusted: control characters could move the cursor or recolour the terminal.</summary>
    private static string Escape(string text)
    {
        if (text.Any(char.IsControl))
            text = new string(text.Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());
        return Markup.Escape(text);
    }
}
