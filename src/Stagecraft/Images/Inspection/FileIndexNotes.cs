using Stagecraft.Images.Files;

namespace Stagecraft.Images.Inspection;

/// <summary>The merge's notes for people: one line per kind, with how many there were and the first one.</summary>
internal static class FileIndexNotes
{
    public static IEnumerable<string> Summarise(FileIndex index)
    {
        foreach (var group in index.Notes.GroupBy(n => n.Kind).OrderBy(g => g.Key))
        {
            var first = group.First();
            var count = group.Count();
            var what = group.Key switch
            {
                FileIndexNoteKind.DuplicateEntry => count == 1 ? "a layer holds a path twice; the last entry wins" : $"{count} paths are held twice by one layer; the last entry wins",
                FileIndexNoteKind.WhiteoutOfMissingPath => count == 1 ? "a whiteout deletes a path no lower layer has" : $"{count} whiteouts delete paths no lower layer has",
                FileIndexNoteKind.DanglingHardLink => count == 1 ? "a hard link names no file with data; it counts no bytes" : $"{count} hard links name no file with data; they count no bytes",
                FileIndexNoteKind.NonDirectoryReplacedByParent => count == 1
                    ? "an entry below a lower layer's non-directory turned it into a directory"
                    : $"{count} entries below a lower layer's non-directory turned it into a directory",
                _ => count == 1 ? "an entry for the root that is not a directory was ignored" : $"{count} entries for the root that are not directories were ignored",
            };
            yield return $"{what} (first: layer {first.Layer}, {first.Path})";
        }
        if (index.NoteCount > index.Notes.Count)
            yield return $"the merge noted {index.NoteCount:N0} unusual entries in all; the counts above cover the first {index.Notes.Count:N0}";
    }
}
