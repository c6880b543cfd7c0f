using Stagecraft.Reporting.Findings;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Reporting.Findings;

/// <summary>Every format, on the same sample report, against its golden file under Golden/&lt;format&gt;.txt.</summary>
public class FindingsGoldenTests
{
    public static TheoryData<string> Formats() => new(FindingsReporters.Names);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sample_report_matches_the_golden_file(string format)
    {
        var output = SampleReport.Render(format, SampleReport.Build());

        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Reporting/Findings/Golden/{format}.txt", output);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Clean_report_matches_the_golden_file(string format)
    {
        var output = SampleReport.Render(format, SampleReport.Clean());

        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Reporting/Findings/Golden/{format}-clean.txt", output);
    }

    [Fact]
    public void Every_format_has_a_golden_file_and_no_golden_file_is_orphaned()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "tests", "Stagecraft.Tests", "Reporting", "Findings", "Golden");
        var expected = FindingsReporters.Names.SelectMany(n => new[] { n + ".txt", n + "-clean.txt" }).Order(StringComparer.Ordinal);
        var actual = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }
}
