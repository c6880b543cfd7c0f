using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Semantics;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis;

/// <summary>
/// Fixture files per rule under Analysis/Fixtures/&lt;ID&gt;/: <c>hit-*.Dockerfile</c> mark every expected finding with
/// <c>[|…|]</c>; <c>quiet-*.Dockerfile</c> must give none. A folder <c>&lt;name&gt;.context/</c> beside a fixture is its build context;
/// a file <c>&lt;name&gt;.stagecraft.yaml</c> beside it is its configuration (label schemas, rules that are off by default);
/// a file <c>&lt;name&gt;.base-images</c> lists the base images a lookup knows, one <c>REFERENCE OS/ARCH</c> per line.
/// </summary>
public class RuleFixtureTests
{
    private static string FixtureRoot => Path.Combine(SharedData.RepositoryRoot, "tests", "Stagecraft.Tests", "Analysis", "Fixtures");

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.Exists(FixtureRoot) ? Directory.GetDirectories(FixtureRoot).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            foreach (var file in Directory.GetFiles(folder, "*.Dockerfile").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
        }
        if (data.Count == 0)
            data.Add("none", "none");
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture(string ruleId, string file)
    {
        if (ruleId == "none")
            return;
        var rule = RuleCatalog.Find(ruleId) ?? throw new InvalidOperationException($"fixture folder {ruleId} names no rule");
        if (rule.Descriptor == ShellCheckFinding.Id)
            ShellCheckBinary.Require();
        var path = Path.Combine(FixtureRoot, ruleId, file);
        var contextFolder = Path.Combine(FixtureRoot, ruleId, Path.GetFileNameWithoutExtension(file) + ".context");
        var context = Directory.Exists(contextFolder) ? new BuildContext(contextFolder, path) : BuildContext.None;
        var configurationFile = Path.Combine(FixtureRoot, ruleId, Path.GetFileNameWithoutExtension(file) + ".stagecraft.yaml");
        var configuration = File.Exists(configurationFile)
            ? ConfigurationFile.Parse(File.ReadAllText(configurationFile), configurationFile, Path.GetDirectoryName(configurationFile)!).Settings
            : null;
        var baseImagesFile = Path.Combine(FixtureRoot, ruleId, Path.GetFileNameWithoutExtension(file) + ".base-images");
        var settings = File.Exists(baseImagesFile) ? BuildSettings.Default with { BaseImages = FixedBaseImages.Read(baseImagesFile) } : null;
        var text = File.ReadAllText(path);
        if (file.StartsWith("hit-", StringComparison.Ordinal))
        {
            Assert.Contains("[|", text);
            RuleAssert.Marked(rule, text, context, configuration, settings);
        }
        else
        {
            Assert.StartsWith("quiet-", file);
            RuleAssert.Quiet(rule, text, context, configuration, settings);
        }
    }

    [Fact]
    public void Every_rule_has_hit_and_quiet_fixtures()
    {
        var missing = RuleCatalog.All
            .Where(r => r.Descriptor.Id != "STG000")
            .Where(r =>
            {
                var folder = Path.Combine(FixtureRoot, r.Descriptor.Id);
                return !Directory.Exists(folder)
                    || Directory.GetFiles(folder, "hit-*.Dockerfile").Length == 0
                    || Directory.GetFiles(folder, "quiet-*.Dockerfile").Length == 0;
            })
            .Select(r => r.Descriptor.Id)
            .ToArray();
        Assert.Empty(missing);
    }
}
