namespace Stagecraft.Images.Layers;

/// <summary>An image that cannot be read as given; the one-line message starts with the file (and the member or layer) at fault.</summary>
public abstract class ImageReadException : StagecraftException
{
    private protected ImageReadException(string where, string problem, Exception? inner)
        : base(OneLine(where) + ": " + OneLine(problem), inner)
    {
        Where = where;
    }

    /// <summary>The file as the user named it, followed by the member, blob or layer at fault.</summary>
    public string Where { get; }

    /// <summary>Names inside an archive are attacker-chosen; control characters are escaped so the message stays one line.</summary>
    internal static string OneLine(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f'))
            return text;
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c < ' ' || c == '\u007f')
                builder.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\x{(int)c:x2}" });
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}

/// <summary>A layer blob that is not a readable tar stream: corrupt or truncated compression, a malformed header, an entry type no image uses.</summary>
public sealed class LayerFormatException(string where, string problem, Exception? inner = null)
    : ImageReadException(where, problem, inner);

/// <summary>A layer entry a careful reader refuses: a path that leaves the image root, a write through a symlink, a hard link to nothing.</summary>
public sealed class UnsafeLayerEntryException(string where, string problem)
    : ImageReadException(where, problem, null);

/// <summary>Input that would cost more memory or time than allowed (expanded bytes, entries, header sizes); the limits live in the read options.</summary>
public sealed class ImageLimitExceededException(string where, string problem)
    : ImageReadException(where, problem, null);

/// <summary>Content whose digest or size differs from what a manifest, config or content-addressed name promised.</summary>
public sealed class DigestMismatchException(string where, string problem)
    : ImageReadException(where, problem, null);
