namespace Stagecraft.Analysis.Configuration;

/// <summary>A configuration file cannot be used: bad YAML, an unknown key, a value of the wrong type. The message starts with <c>file:line:</c>.</summary>
public sealed class ConfigurationException : StagecraftException
{
    public ConfigurationException(string path, long line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}", inner)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The configuration file as shown to the user.</summary>
    public string Path { get; }

    /// <summary>1-based line of the problem; 0 when it concerns the whole file.</summary>
    public long Line { get; }
}
