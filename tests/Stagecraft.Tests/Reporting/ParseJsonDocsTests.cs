using System.Text.Json;
using System.Text.RegularExpressions;
using Stagecraft.Reporting.SyntaxJson;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Reporting;

/// <summary>docs/parse-json.md shows real output; this fails when the writer and the page drift apart.</summary>
public partial class ParseJsonDocsTests
{
    [Fact]
    public void Example_in_the_docs_is_what_the_writer_prints()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "parse-json.md")).ReplaceLineEndings("\n");
        var dockerfile = CodeBlock().Matches(page).Single(m => m.Groups["lang"].Value == "dockerfile").Groups["body"].Value;
        var json = CodeBlock().Matches(page).Single(m => m.Groups["lang"].Value == "json").Groups["body"].Value;

        var actual = SyntaxJsonWriter.ToJson(SyntaxTree.Parse(dockerfile, "Dockerfile"));

        Assert.Equal(json, actual);
    }

    [Fact]
    public void Positions_read_back_from_their_one_line_form()
    {
        var position = JsonSerializer.Deserialize("{ \"line\": 2, \"column\": 5, \"offset\": 22 }", SyntaxJsonContext.Default.PositionJson);

        Assert.Equal(new PositionJson(2, 5, 22), position);
    }

    [GeneratedRegex("^```(?<lang>[a-z]+)\\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
