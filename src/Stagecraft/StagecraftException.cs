namespace Stagecraft;

/// <summary>An error the user caused (bad input, bad option, unreadable file); the CLI prints its message on one line and exits 2.</summary>
public class StagecraftException : Exception
{
    public StagecraftException(string message) : base(message) { }
    public StagecraftException(string message, Exception? inner) : base(message, inner) { }
}
