using System.Text;

namespace Stagecraft.Bench;

/// <summary>One file held in memory for the whole run.</summary>
internal sealed record InputFile(string Name, byte[] Bytes);

/// <summary>A set of files measured together: one "pass" processes every file of the set once.</summary>
internal sealed class InputSet(string name, string description, IReadOnlyList<InputFile> files, bool isSynthetic)
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public IReadOnlyList<InputFile> Files { get; } = files;
    public bool IsSynthetic { get; } = isSynthetic;
    public long TotalBytes { get; } = files.Sum(f => (long)f.Bytes.Length);
}

internal static class Inputs
{
    public const string CorpusRelativePath = "../shared/corpus/dockerfiles";

    /// <summary>The folder holding Stagecraft.slnx, searched upward from the executable and then from the working directory.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Stagecraft.slnx")))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>
    /// Every file under <paramref name="folder"/> (recursively, in ordinal path order), read fully into memory.
    /// <c>.dockerignore</c> files are skipped: they are not Dockerfiles (the corpus keeps them for the linter).
    /// </summary>
    public static InputSet LoadCorpus(string folder, out int skipped)
    {
        skipped = 0;
        var files = new List<InputFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase))
            {
                skipped++;
                continue;
            }
            files.Add(new InputFile(Path.GetRelativePath(folder, path), File.ReadAllBytes(path)));
        }
        return new InputSet("corpus", $"every Dockerfile under {folder}", files, isSynthetic: false);
    }

    /// <summary>Dockerfiles under examples/ (Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile), skipping node_modules, bin and obj.</summary>
    public static InputSet? LoadExamples(string repositoryRoot)
    {
        var folder = Path.Combine(repositoryRoot, "examples");
        if (!Directory.Exists(folder))
            return null;
        var files = new List<InputFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path);
            var segments = relative.Split(Path.DirectorySeparatorChar);
            if (segments.Any(s => s is "node_modules" or "bin" or "obj"))
                continue;
            if (IsDockerfileName(Path.GetFileName(path)))
                files.Add(new InputFile(relative, File.ReadAllBytes(path)));
        }
        return files.Count == 0 ? null : new InputSet("examples", $"the Dockerfiles under {folder}", files, isSynthetic: false);
    }

    private static bool IsDockerfileName(string name) =>
        name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>RUN echo 0123456789 &amp;&amp; echo 0123456789 &amp;&amp; … true</c> on a single physical line of exactly
    /// <paramref name="size"/> bytes (including the final '\n').
    /// </summary>
    public static InputSet SingleLineRun(int size)
    {
        var bytes = new byte[size];
        var head = "RUN "u8;
        var chunk = "echo 0123456789 && "u8;
        var tail = "true\n"u8;
        head.CopyTo(bytes);
        var position = head.Length;
        while (position + chunk.Length + tail.Length <= size)
        {
            chunk.CopyTo(bytes.AsSpan(position));
            position += chunk.Length;
        }
        bytes.AsSpan(position, size - tail.Length - position).Fill((byte)' ');
        tail.CopyTo(bytes.AsSpan(size - tail.Length));
        var label = size % 1_000_000 == 0 ? $"{size / 1_000_000} MB" : $"{size:N0} B";
        return new InputSet($"single-line RUN ({label})", $"one RUN instruction on one {size:N0}-byte line", [new InputFile("synthetic-single-line", bytes)], isSynthetic: true);
    }

    /// <summary>
    /// One RUN instruction over <paramref name="continuations"/> + 1 physical lines: <c>RUN set -eux \</c>, then
    /// <c>    &amp;&amp; echo line-000001 \</c> …, then a last line without the escape. So exactly
    /// <paramref name="continuations"/> lines end with a line continuation.
    /// </summary>
    public static InputSet ContinuationRun(int continuations)
    {
        var builder = new StringBuilder(continuations * 24);
        builder.Append("RUN set -eux \\\n");
        for (var i = 1; i < continuations; i++)
            builder.Append("    && echo line-").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(" \\\n");
        builder.Append("    && echo done\n");
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        return new InputSet($"RUN with {continuations:N0} continuations", $"one RUN instruction continued over {continuations + 1:N0} physical lines",
            [new InputFile("synthetic-continuations", bytes)], isSynthetic: true);
    }

    /// <summary>
    /// One file of <paramref name="count"/> short instructions (<c>ENV K_000001=v</c>, <c>RUN echo 1</c>, …): guards
    /// against per-instruction costs that grow with file length (for example garbage collection of a growing tree).
    /// </summary>
    public static InputSet ManyInstructions(int count)
    {
        var builder = new StringBuilder(count * 20);
        builder.Append("FROM alpine\n");
        for (var i = 1; i < count; i++)
        {
            if (i % 2 == 0)
                builder.Append("ENV K_").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append("=v\n");
            else
                builder.Append("RUN echo ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        return new InputSet($"{count:N0} short instructions", $"one file of {count:N0} short ENV and RUN instructions",
            [new InputFile("synthetic-many-instructions", bytes)], isSynthetic: true);
    }
}
