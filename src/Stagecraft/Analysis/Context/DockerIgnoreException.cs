namespace Stagecraft.Analysis.Context;

/// <summary>A <c>.dockerignore</c> file that BuildKit would reject; the message names the file and line when known.</summary>
public sealed class DockerIgnoreException : StagecraftException
{
    internal DockerIgnoreException(DockerIgnoreErrorKind kind, string problem, string? filePath, int? line, string? pattern, Exception? inner = null)
        : base(Describe(problem, filePath, line, pattern), inner)
    {
        Kind = kind;
        FilePath = filePath;
        Line = line;
        Pattern = pattern;
    }

    /// <summary>Which rule of the format was broken.</summary>
    public DockerIgnoreErrorKind Kind { get; }

    /// <summary>The ignore file, when the patterns came from one.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line of the offending pattern, when the patterns came from a file.</summary>
    public int? Line { get; }

    /// <summary>The offending pattern as written, when one pattern is to blame.</summary>
    public string? Pattern { get; }

    private static string Describe(string problem, string? filePath, int? line, string? pattern)
    {
        var where = (filePath, line) switch
        {
            ({ } file, { } number) => $"{file}:{number}: ",
            ({ } file, null) => file + ": ",
            (null, { } number) => $".dockerignore line {number}: ",
            _ => "",
        };
        return pattern is null ? where + problem : $"{where}invalid pattern `{pattern}`: {problem}";
    }
}
