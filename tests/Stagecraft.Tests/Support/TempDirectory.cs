namespace Stagecraft.Tests.Support;

/// <summary>A fresh directory for one test's files, deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(FullPath);

    public string FullPath { get; } = Path.Combine(Path.GetTempPath(), "stagecraft-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes a file under the directory (creating its folders) and returns its full path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(FullPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Creates a folder under the directory and returns its full path.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(FullPath, name)).FullName;

    /// <summary>Makes the directory a repository root (a <c>.git</c> folder), so searches upward stop here.</summary>
    public TempDirectory AsRepository()
    {
        Folder(".git");
        return this;
    }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Writes every file (name relative to this folder, text) and returns the folder: a small project in one call.</summary>
    public string WithFiles(params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
            Write(name, text);
        return FullPath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide the real result.
        }
    }
}
