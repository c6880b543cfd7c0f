using System.Text.Json;
using Stagecraft.Images.Diff;

namespace Stagecraft.Reporting.Images;

/// <summary><c>diff --format json</c>: every change with exact bytes; schema in docs/check.md.</summary>
public static class DiffJsonWriter
{
    public const int Version = 1;

    public static void Write(ImageDiff diff, Stream output)
    {
        using (var json = ReportJson.Writer(output))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteStartObject("before");
            json.WriteString("reference", diff.Before);
            json.WriteString("id", diff.IdBefore);
            json.WriteEndObject();
            json.WriteStartObject("after");
            json.WriteString("reference", diff.After);
            json.WriteString("id", diff.IdAfter);
            json.WriteEndObject();
            Change(json, "totalSize", diff.TotalSize);
            Change(json, "compressedSize", diff.CompressedSize);
            Change(json, "layerCount", diff.LayerCount);
            Change(json, "fileCount", diff.FileCount);
            json.WriteStartArray("layers");
            foreach (var layer in diff.Layers)
            {
                json.WriteStartObject();
                json.WriteString("diffId", layer.DiffId);
                json.WriteString("status", layer.Shared ? "shared" : layer.IndexAfter is null ? "removed" : "added");
                Index(json, "indexBefore", layer.IndexBefore);
                Index(json, "indexAfter", layer.IndexAfter);
                json.WriteNumber("size", layer.Size);
                json.WriteNumber("compressedSize", layer.CompressedSize);
                Text(json, "createdBy", layer.CreatedBy);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Files(json, "addedFiles", diff.AddedFiles);
            Files(json, "removedFiles", diff.RemovedFiles);
            Files(json, "changedFiles", diff.ChangedFiles);
            json.WriteStartArray("packages");
            foreach (var package in diff.Packages)
            {
                json.WriteStartObject();
                json.WriteString("change", Name(package.Change));
                json.WriteString("manager", package.Manager);
                json.WriteString("name", package.Name);
                Text(json, "versionBefore", package.VersionBefore);
                Text(json, "versionAfter", package.VersionAfter);
                Index(json, "sizeBefore", package.SizeBefore);
                Index(json, "sizeAfter", package.SizeAfter);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("facts");
            foreach (var fact in diff.Facts)
            {
                json.WriteStartObject();
                json.WriteString("change", fact.Change == ChangeKind.Added ? "appeared" : "disappeared");
                json.WriteString("category", fact.Category);
                json.WriteString("name", fact.Name);
                json.WriteString("where", fact.Where);
                Index(json, "bytes", fact.Bytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("config");
            foreach (var config in diff.Config)
            {
                json.WriteStartObject();
                json.WriteString("change", Name(config.Change));
                json.WriteString("setting", config.Setting);
                Text(json, "before", config.Before);
                Text(json, "after", config.After);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    private static string Name(ChangeKind change) => change.ToString().ToLowerInvariant();

    private static void Change(Utf8JsonWriter json, string name, SizeChange change)
    {
        json.WriteStartObject(name);
        json.WriteNumber("before", change.Before);
        json.WriteNumber("after", change.After);
        json.WriteNumber("change", change.Change);
        json.WriteEndObject();
    }

    private static void Files(Utf8JsonWriter json, string name, FileDiffList files)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", files.Count);
        json.WriteNumber("bytes", files.Bytes);
        json.WriteStartArray("largest");
        foreach (var file in files.Largest)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            Index(json, "sizeBefore", file.SizeBefore);
            Index(json, "sizeAfter", file.SizeAfter);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Index(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
