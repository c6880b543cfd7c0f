using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Syntax;

/// <summary>BuildKit's own parser cases: our dump must equal their result files, and the negative files must fail.</summary>
public class BuildKitParserConformanceTests
{
    private const string Folder = "testdata/buildkit-parser";

    public static TheoryData<string> PositiveCases() => CaseNames("testfiles", 33);

    public static TheoryData<string> NegativeCases() => CaseNames("testfiles-negative", 4);

    [Theory]
    [MemberData(nameof(PositiveCases))]
    public void Positive_case_dumps_exactly_like_buildkit(string name)
    {
        var folder = SharedData.Require(Path.Combine(Folder, "testfiles", name));
        var tree = SyntaxTree.Parse(File.ReadAllBytes(Path.Combine(folder, "Dockerfile")));
        var expected = File.ReadAllText(Path.Combine(folder, "result"));

        Assert.DoesNotContain(tree.Diagnostics, d => d.IsLineParserError);
        Assert.Equal(expected, BuildKitDump.Write(tree));
    }

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public void Negative_case_is_a_line_parser_error(string name)
    {
        var folder = SharedData.Require(Path.Combine(Folder, "testfiles-negative", name));
        var tree = SyntaxTree.Parse(File.ReadAllBytes(Path.Combine(folder, "Dockerfile")));

        Assert.Contains(tree.Diagnostics, d => d.IsLineParserError);
    }

    [Fact]
    public void Line_numbers_match_buildkit()
    {
        var path = SharedData.Require(Path.Combine(Folder, "testfile-line", "Dockerfile"));
        var tree = SyntaxTree.Parse(File.ReadAllBytes(path));

        var lines = tree.Root.Instructions.Select(i => (i.StartLine, i.EndLine)).ToArray();
        Assert.Equal([(5, 5), (11, 12), (17, 31)], lines);
    }

    /// <summary>
    /// Case names come from the folder when shared data is present; otherwise the expected count of placeholders
    /// keeps the theory visible (each one then skips with the reason).
    /// </summary>
    private static TheoryData<string> CaseNames(string sub, int expectedCount)
    {
        var data = new TheoryData<string>();
        var root = SharedData.Root;
        var folder = root is null ? null : Path.Combine(root, Folder, sub);
        if (folder is not null && Directory.Exists(folder))
        {
            foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(dir));
        }
        else
        {
            data.Add("(shared data absent)");
        }
        _ = expectedCount;
        return data;
    }

    [Fact]
    public void Conformance_folder_has_the_documented_case_counts()
    {
        var root = SharedData.Require(Folder);
        Assert.Equal(33, Directory.GetDirectories(Path.Combine(root, "testfiles")).Length);
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(root, "testfiles-negative")).Length);
    }
}
