using System.Text.Json;
using System.Text.RegularExpressions;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Semantics.Expansion;

/// <summary>
/// The build-copy-output cases of the heredoc data: each file a COPY heredoc writes must equal its body after
/// HeredocBody expansion. The Dockerfile is cut up here with a deliberately small reader, not the real parser.
/// </summary>
public sealed partial class HeredocBodyExpansionTests
{
    public static TheoryData<string, string> Files
    {
        get
        {
            var data = new TheoryData<string, string>();
            if (BuildKitShellData.OptionalPath(BuildKitShellData.HeredocCases) is not { } path)
            {
                data.Add("(shared data absent)", "");
                return data;
            }
            foreach (var testCase in CopyOutputCases(path))
            {
                foreach (var file in testCase.GetProperty("expect").GetProperty("files").EnumerateArray())
                    data.Add(testCase.GetProperty("name").GetString()!, file.GetProperty("path").GetString()!);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Copied_heredoc_file_has_expected_content(string caseName, string filePath)
    {
        var path = SharedData.Require(BuildKitShellData.HeredocCases);
        var testCase = CopyOutputCases(path).Single(c => c.GetProperty("name").GetString() == caseName);
        var file = testCase.GetProperty("expect").GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("path").GetString() == filePath);
        var copyLine = file.GetProperty("producedBy").GetString()!;
        var dockerfile = testCase.GetProperty("dockerfile").GetString()!;

        var (heredocs, variables) = ReadCopy(dockerfile, copyLine);
        var heredoc = heredocs.Count == 1 ? heredocs[0] : heredocs.Single(h => h.Name == filePath.Split('/')[^1]);

        var content = heredoc.Body;
        if (heredoc.Expand)
        {
            var result = WordExpander.ExpandWord(heredoc.Body, variables, ExpansionOptions.HeredocBody);
            Assert.True(result.Succeeded, result.Error);
            content = result.Value;
        }

        Assert.Equal(file.GetProperty("content").GetString(), content);
    }

    private static List<JsonElement> CopyOutputCases(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "build-copy-output")
            .Select(c => c.Clone())];
    }

    private sealed record Heredoc(string Name, bool Expand, string Body);

    /// <summary>Finds <paramref name="copyLine"/>, reads its heredoc bodies, and collects the ARG/ENV values above it.</summary>
    private static (List<Heredoc> Heredocs, DictionaryVariableLookup Variables) ReadCopy(string dockerfile, string copyLine)
    {
        var lines = dockerfile.Split('\n');
        var assignments = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Assignment().Match(lines[i]) is { Success: true } assignment)
                assignments.Add(assignment.Groups[1].Value);
            if (lines[i] != copyLine)
                continue;

            var heredocs = new List<Heredoc>();
            var next = i + 1;
            foreach (Match marker in Marker().Matches(copyLine))
            {
                var chomp = marker.Groups["chomp"].Success;
                var name = marker.Groups["name"].Value;
                var body = new System.Text.StringBuilder();
                for (; lines[next] != name && !(chomp && lines[next].TrimStart('\t') == name); next++)
                    body.Append(chomp ? lines[next].TrimStart('\t') : lines[next]).Append('\n');
                next++;
                heredocs.Add(new Heredoc(name, Expand: !marker.Groups["quote"].Success, body.ToString()));
            }
            return (heredocs, BuildKitShellData.Variables(assignments));
        }
        throw new InvalidOperationException($"'{copyLine}' is not a line of the Dockerfile");
    }

    [GeneratedRegex("""<<(?<chomp>-)?(?:(?<quote>["'])(?<name>\w+)\k<quote>|(?<name>\w+))""")]
    private static partial Regex Marker();

    [GeneratedRegex("""^(?:ARG|ENV)\s+(\w+=.*)$""")]
    private static partial Regex Assignment();
}
