using Stagecraft.Semantics.Expansion;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Semantics.Expansion;

/// <summary>Reads BuildKit's shell conformance files from ../shared and lists their cases for theories.</summary>
internal static class BuildKitShellData
{
    public const string EnvVarTest = "testdata/buildkit-shell/envVarTest";
    public const string WordsTest = "testdata/buildkit-shell/wordsTest";
    public const string Modifiers = "testdata/buildkit-shell/modifiers.json";
    public const string HeredocCases = "testdata/buildkit-heredoc/cases.json";

    /// <summary>
    /// The 1-based numbers of the lines <paramref name="isCase"/> accepts, or a single 0 when the file is absent,
    /// so the theory still runs once and <see cref="SharedData.Require"/> reports the skip.
    /// </summary>
    public static TheoryData<int> CaseLines(string relativePath, Func<string, bool> isCase)
    {
        var data = new TheoryData<int>();
        var path = OptionalPath(relativePath);
        if (path is null)
        {
            data.Add(0);
            return data;
        }
        var lines = ReadLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (isCase(lines[i]))
                data.Add(i + 1);
        }
        return data;
    }

    public static string? OptionalPath(string relativePath)
    {
        if (SharedData.Root is not { } root)
            return null;
        var path = Path.Combine(root, relativePath);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Lines as Go's bufio.Scanner yields them: split at \n, a trailing \r dropped.</summary>
    public static string[] ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        if (text.EndsWith('\n'))
            text = text[..^1];
        return [.. text.Split('\n').Select(line => line.TrimEnd('\r'))];
    }

    /// <summary>Go's EnvsFromSlice: <c>name=value</c>, a later entry wins, no '=' means set to empty.</summary>
    public static DictionaryVariableLookup Variables(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=');
            if (equals < 0)
                values[assignment] = "";
            else
                values[assignment[..equals]] = assignment[(equals + 1)..];
        }
        return new DictionaryVariableLookup(values);
    }
}
