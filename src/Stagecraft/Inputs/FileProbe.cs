using System.Collections.Concurrent;
using System.IO.Enumeration;

namespace Stagecraft.Inputs;

/// <summary>
/// Answers "is there a file at this path" for a run that asks about many files in few folders. After a few questions
/// about one folder it lists that folder once and answers from the listing: a lint of the 427-file corpus asked 1,281
/// times (each Dockerfile, the Dockerfile-specific and the context's .dockerignore), a stat call and a path
/// normalisation each, about 10 folders. A listing is a snapshot, so a probe belongs to one run that writes nothing
/// while it asks (lint; not fix, which creates .dockerignore files between its rounds).
/// </summary>
public sealed class FileProbe
{
    // A lint of one Dockerfile asks three times about its folder; listing that folder would cost more than it saves.
    private const int AsksBeforeListing = 4;

    private readonly ConcurrentDictionary<string, Folder> _folders = new(StringComparer.Ordinal);
    private readonly bool _lists;

    private FileProbe(bool lists) => _lists = lists;

    /// <summary>Asks the file system every time.</summary>
    public static FileProbe Direct { get; } = new(lists: false);

    /// <summary>A probe for one run. Listings are used only where names are case-sensitive (Linux); elsewhere it asks directly.</summary>
    public static FileProbe ForRun() => new(lists: OperatingSystem.IsLinux());

    /// <summary>What <see cref="File.Exists(string)"/> answers for <paramref name="path"/>, for a fully qualified path.</summary>
    public bool FileExists(string path)
    {
        if (!_lists || !Path.IsPathFullyQualified(path) || Path.GetDirectoryName(path) is not { Length: > 0 } directory)
            return File.Exists(path);
        var folder = _folders.GetOrAdd(directory, static _ => new Folder());
        if (Interlocked.Increment(ref folder.Asks) <= AsksBeforeListing)
            return File.Exists(path);
        var listing = folder.Listing(directory);
        var name = Path.GetFileName(path);
        if (listing is null || name.Length == 0)
            return File.Exists(path);
        return listing.Files.Contains(name);
    }

    private sealed class Folder
    {
        public int Asks;
        private Listing? _listing;
        private bool _listed;
        private readonly Lock _gate = new();

        public Listing? Listing(string directory)
        {
            lock (_gate)
            {
                if (!_listed)
                {
                    _listing = Read(directory);
                    _listed = true;
                }
                return _listing;
            }
        }

        private static Listing? Read(string directory)
        {
            var files = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                // Nothing skipped: the default options leave out hidden entries, and .dockerignore is one. Only the entry
                // type is read (from the listing itself): asking for attributes would stat every entry. A symbolic link
                // is a folder here when its target is one, and a file otherwise, even when broken: as File.Exists says.
                var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
                var entries = new FileSystemEnumerable<string?>(directory,
                    static (ref FileSystemEntry entry) => entry.IsDirectory ? null : entry.FileName.ToString(), options);
                foreach (var name in entries)
                {
                    if (name is not null)
                        files.Add(name);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            return new Listing(files);
        }
    }

    private sealed record Listing(HashSet<string> Files);
}
