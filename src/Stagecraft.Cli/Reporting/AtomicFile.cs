namespace Stagecraft.Cli.Reporting;

/// <summary>
/// Writes a report file so readers never see half of it: into a temporary file beside it, then renamed over it. A
/// failed write leaves the old file (if any) as it was.
/// </summary>
internal static class AtomicFile
{
    /// <exception cref="StagecraftException">The folder is missing or not writable.</exception>
    public static void Write(string path, string displayPath, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
            throw new StagecraftException($"{displayPath}: cannot write: folder {Path.GetDirectoryName(displayPath)} does not exist");
        if (Directory.Exists(path))
            throw new StagecraftException($"{displayPath}: cannot write: is a directory");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StagecraftException($"{displayPath}: cannot write: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
                TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a leftover temporary file; the real error is already on its way.
        }
    }
}
