namespace Stagecraft.Inputs;

/// <summary>A Dockerfile's bytes and the name it is reported under, read from a file or from standard input (<c>-</c>).</summary>
public sealed class DockerfileInput
{
    /// <summary>The path users write to mean standard input; diagnostics for stdin are reported under it too.</summary>
    public const string StandardInputPath = "-";

    private DockerfileInput(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
    }

    /// <summary>The path as the user gave it (not made absolute), so reported locations match what they typed.</summary>
    public string Path { get; }

    public byte[] Bytes { get; }

    public bool IsStandardInput => Path == StandardInputPath;

    /// <summary>Reads <paramref name="path"/>, or standard input when the path is <c>-</c> (opened only then).</summary>
    /// <exception cref="InputException">The file is missing, a directory, unreadable or not text.</exception>
    public static DockerfileInput Read(string path, Func<Stream> openStandardInput) =>
        path == StandardInputPath ? FromStream(openStandardInput(), StandardInputPath) : FromFile(path);

    /// <summary>Reads a file from disk.</summary>
    /// <exception cref="InputException">The file is missing, a directory, unreadable or not text.</exception>
    public static DockerfileInput FromFile(string path) => FromFile(path, path);

    /// <summary>Reads <paramref name="readPath"/> and reports it (and any error) under <paramref name="path"/>, the name the user knows it by.</summary>
    /// <exception cref="InputException">The file is missing, a directory, unreadable or not text.</exception>
    public static DockerfileInput FromFile(string readPath, string path)
    {
        if (readPath.Length == 0 || readPath.Contains('\0'))
            throw new InputNotFoundException(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(readPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputNotFoundException(path);
        }
        // Asked only on failure: a stat before every read is one more system call per file on the lint path.
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && Directory.Exists(readPath))
        {
            throw new InputIsDirectoryException(path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputUnreadableException(path, "permission denied", e);
        }
        catch (IOException e)
        {
            throw new InputUnreadableException(path, e.Message, e);
        }
        return Checked(path, bytes);
    }

    /// <summary>Reads a whole stream (standard input, a pipe) under the given display path.</summary>
    /// <exception cref="InputException">The stream fails to read, or it is not text.</exception>
    public static DockerfileInput FromStream(Stream stream, string path)
    {
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A closed stdin (`<&-`) reads as "access denied" wrapping the errno's own, clearer, message.
            var reason = e is UnauthorizedAccessException { InnerException: IOException io } ? io.Message : e.Message;
            throw new InputUnreadableException(path, reason, e);
        }
        return Checked(path, buffer.ToArray());
    }

    // A NUL byte never occurs in a Dockerfile; it means a binary file (an image tarball, a compiled program) was
    // passed by mistake, and parsing it would only produce a screen of meaningless diagnostics.
    private static DockerfileInput Checked(string path, byte[] bytes)
    {
        var nul = bytes.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
            throw new NotADockerfileException(path, nul);
        return new DockerfileInput(path, bytes);
    }
}
