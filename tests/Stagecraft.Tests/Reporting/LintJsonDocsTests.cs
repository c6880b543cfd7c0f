using System.Text.RegularExpressions;
using Stagecraft.Tests.Reporting.Findings;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Reporting;

/// <summary>docs/lint-json.md shows real output: the example is the JSON of the sample report every reporter is tested on.</summary>
public partial class LintJsonDocsTests
{
    [Fact]
    public void Example_in_the_docs_is_what_the_reporter_prints()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "lint-json.md")).ReplaceLineEndings("\n");
        var blocks = CodeBlock().Matches(page);
        var json = blocks.Single(m => m.Groups["lang"].Value == "json").Groups["body"].Value;
        var dockerfiles = blocks.Where(m => m.Groups["lang"].Value == "dockerfile").Select(m => m.Groups["body"].Value).ToArray();

        Assert.Equal([SampleReport.Dockerfile, SampleReport.ServiceDockerfile], dockerfiles);
        Assert.Equal(json, SampleReport.Render("json", SampleReport.Build()));
    }

    [GeneratedRegex("^```(?<lang>[a-z]+)\\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
