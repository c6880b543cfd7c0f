namespace Stagecraft.Inputs;

/// <summary>A Dockerfile the user named cannot be used; the message starts with the path.</summary>
public abstract class InputException : StagecraftException
{
    private protected InputException(string path, string problem, Exception? inner = null)
        : base(path + ": " + problem, inner)
    {
        Path = path;
    }

    /// <summary>The path as the user gave it.</summary>
    public string Path { get; }
}

/// <summary>The path names no file.</summary>
public sealed class InputNotFoundException(string path) : InputException(path, "no such file");

/// <summary>The path names a directory where a single Dockerfile was expected.</summary>
public sealed class InputIsDirectoryException(string path) : InputException(path, "is a directory, not a Dockerfile");

/// <summary>The file exists but could not be read (permissions, I/O error).</summary>
public sealed class InputUnreadableException(string path, string reason, Exception inner)
    : InputException(path, "cannot read: " + reason, inner);

/// <summary>The file holds NUL bytes, so it is binary, not a Dockerfile.</summary>
public sealed class NotADockerfileException(string path, int offset)
    : InputException(path, $"contains NUL bytes at offset {offset}; not a Dockerfile")
{
    /// <summary>Byte offset of the first NUL byte.</summary>
    public int Offset { get; } = offset;
}

/// <summary>A folder or glob the user named yields no Dockerfile, which is almost always a wrong path.</summary>
public sealed class NoDockerfilesException(string path, string problem) : InputException(path, problem);
