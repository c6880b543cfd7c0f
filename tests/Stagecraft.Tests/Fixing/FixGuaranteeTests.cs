using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Fixing;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Analysis;
using Stagecraft.Tests.Support;
using Stagecraft.Tests.Syntax;

namespace Stagecraft.Tests.Fixing;

/// <summary>
/// Issue 8's guarantees over every rule fixture and the shared corpus, with safe fixes and with every fix
/// (<c>--unsafe --multi-stage</c>): see <see cref="FixGuarantees"/>. The corpus tests print their counts.
/// </summary>
public class FixGuaranteeTests(ITestOutputHelper output)
{
    private static readonly FixSelection Everything = new() { IncludeUnsafe = true, MultiStage = true };

    private static string FixtureRoot => Path.Combine(SharedData.RepositoryRoot, "tests", "Stagecraft.Tests", "Analysis", "Fixtures");

    public static TheoryData<string, string> Fixtures() => RuleFixtureTests.Fixtures();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixing_a_rule_fixture_keeps_the_guarantees(string ruleId, string file)
    {
        if (ruleId == "none")
            return;
        var path = Path.Combine(FixtureRoot, ruleId, file);
        var stem = Path.GetFileNameWithoutExtension(file);
        var contextFolder = Path.Combine(FixtureRoot, ruleId, stem + ".context");
        var context = Directory.Exists(contextFolder) ? new BuildContext(contextFolder, path) : BuildContext.None;
        var configurationFile = Path.Combine(FixtureRoot, ruleId, stem + ".stagecraft.yaml");
        var configuration = File.Exists(configurationFile)
            ? ConfigurationFile.Parse(File.ReadAllText(configurationFile), configurationFile, Path.GetDirectoryName(configurationFile)!).Settings
            : null;
        var baseImagesFile = Path.Combine(FixtureRoot, ruleId, stem + ".base-images");
        var settings = File.Exists(baseImagesFile) ? BuildSettings.Default with { BaseImages = FixedBaseImages.Read(baseImagesFile) } : null;
        var (text, _) = RuleAssert.Unmark(File.ReadAllText(path));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (SyntaxTree.Parse(bytes).HasErrors)
            return; // the STG000 fixtures: a file that does not parse is never fixed (tested in FixRunnerTests)
        IReadOnlyList<Finding> Lint(SyntaxTree tree) => FixLinting.Linter.Lint(tree, path, context, configuration, settings);

        FixGuarantees.Check($"{ruleId}/{file} (safe)", bytes, Lint, FixSelection.SafeOnly);
        FixGuarantees.Check($"{ruleId}/{file} (unsafe)", bytes, Lint, Everything);
    }

    [Fact]
    public void Safe_fixes_over_the_corpus_keep_the_guarantees() => Corpus(FixSelection.SafeOnly, "safe");

    [Fact]
    public void Every_fix_over_the_corpus_keeps_the_guarantees() => Corpus(Everything, "--unsafe --multi-stage");

    private void Corpus(FixSelection selection, string label)
    {
        var tally = new FixTally();
        var failures = new List<string>();
        foreach (var file in CorpusFiles.Dockerfiles())
        {
            var bytes = File.ReadAllBytes(file);
            try
            {
                tally.Add(FixGuarantees.Check(file, bytes, tree => FixLinting.Linter.Lint(tree, file, BuildContext.None), selection));
            }
            catch (Xunit.Sdk.XunitException e)
            {
                // Every broken file at once, not just the first: each usually points at a different rule's fix.
                failures.Add(e.Message);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} corpus file(s) break a guarantee:\n\n" + string.Join("\n\n", failures.Take(20)));
        output.WriteLine($"corpus, {label}: {tally}");
        if (Environment.GetEnvironmentVariable("STAGECRAFT_FIX_TALLY") is { Length: > 0 } tallyFile)
            File.AppendAllText(tallyFile, $"corpus, {label}: {tally}\n");
        Assert.True(tally.Changed > 0, "no corpus file was changed: the fixes were not applied at all");
    }
}
