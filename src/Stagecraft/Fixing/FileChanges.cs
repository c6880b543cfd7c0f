using Stagecraft.Analysis;

namespace Stagecraft.Fixing;

/// <summary>A file outside the Dockerfile as it is (null: absent) and as the fixes leave it.</summary>
public sealed record FileChange(string Path, string? Before, string After);

/// <summary>Turns the <see cref="FileEdit"/>s of applied fixes into whole-file changes, reading each file once.</summary>
public static class FileChanges
{
    /// <summary>
    /// One change per file, in the order the files are first named. A <see cref="FileEditKind.Create"/> for a file that
    /// exists by now is dropped (someone made it since the lint); appended lines get the file's own line ending.
    /// </summary>
    public static IReadOnlyList<FileChange> Plan(IEnumerable<FileEdit> edits, Func<string, string?>? read = null)
    {
        read ??= ReadIfPresent;
        var changes = new List<FileChange>();
        foreach (var group in edits.GroupBy(e => Path.GetFullPath(e.Path)))
        {
            var before = read(group.Key);
            var after = before;
            foreach (var edit in group)
            {
                if (edit.Kind == FileEditKind.Create)
                {
                    after ??= edit.Text;
                    continue;
                }
                var current = after ?? "";
                var newline = LineEndings.Of(current);
                var separator = current.Length > 0 && !current.EndsWith('\n') ? newline : "";
                after = current + separator + edit.Text.Replace("\r\n", "\n").Replace("\n", newline);
            }
            if (after is not null && after != before)
                changes.Add(new FileChange(group.Key, before, after));
        }
        return changes;
    }

    private static string? ReadIfPresent(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
