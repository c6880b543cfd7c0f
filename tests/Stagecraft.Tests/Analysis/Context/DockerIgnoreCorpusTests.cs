using Stagecraft.Analysis.Context;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Context;

/// <summary>The real <c>.dockerignore</c> files of ../shared/corpus (MANIFEST.tsv kind=dockerignore).</summary>
public class DockerIgnoreCorpusTests
{
    [Fact]
    public void Every_corpus_ignore_file_loads_and_builds_a_matcher()
    {
        var files = CorpusIgnoreFiles();

        Assert.Equal(11, files.Count);
        foreach (var path in files)
        {
            var file = DockerIgnoreFile.Load(path);
            var matcher = file.CreateMatcher();
            Assert.NotEmpty(file.Entries);
            Assert.Equal(file.Entries.Count, matcher.Patterns.Count);
            Assert.All(matcher.Patterns, p => Assert.Null(p.Problem));
        }
    }

    [Fact]
    public void The_react_nginx_file_excludes_what_it_says()
    {
        var path = CorpusIgnoreFiles().Single(f => f.EndsWith("react-nginx__.dockerignore", StringComparison.Ordinal));
        var matcher = DockerIgnoreFile.Load(path).CreateMatcher();

        Assert.Equal(4, matcher.Decide(".dockerignore").DecidedBy!.Line);
        Assert.Equal(5, matcher.Decide("src/.git/config").DecidedBy!.Line);
        Assert.Equal(7, matcher.Decide("packages/ui/node_modules/react/index.js").DecidedBy!.Line);
        Assert.True(matcher.IsExcluded("build/index.html"));
        Assert.False(matcher.IsExcluded("src/App.js"));
        Assert.True(matcher.CanSkipDirectory("node_modules"));
    }

    private static List<string> CorpusIgnoreFiles()
    {
        var root = SharedData.Require("corpus");
        return [.. File.ReadAllLines(Path.Combine(root, "MANIFEST.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length > 1 && columns[1] == "dockerignore")
            .Select(columns => Path.Combine(root, columns[0]))];
    }
}
