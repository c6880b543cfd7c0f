using Stagecraft.Analysis;
using Stagecraft.Syntax;
using Stagecraft.Tests.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>Checks every rule gets for free: valid descriptors, full explanations, and no crash or stray span on any corpus file.</summary>
public class RuleHarnessTests
{
    [Fact]
    public void Descriptors_are_unique_and_explained()
    {
        var rules = RuleCatalog.All;
        Assert.Equal(rules.Count, rules.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.Equal(rules.Count, rules.Select(r => r.Descriptor.Name).Distinct().Count());
        var aliases = rules.SelectMany(r => r.Descriptor.Aliases).ToArray();
        Assert.Equal(aliases.Length, aliases.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var rule in rules)
        {
            var e = rule.Explanation;
            Assert.False(string.IsNullOrWhiteSpace(e.Flags + e.WhyItMatters + e.Bad + e.Good + e.FixSafety) || new[] { e.Flags, e.WhyItMatters, e.Bad, e.Good, e.FixSafety }.Any(string.IsNullOrWhiteSpace),
                $"{rule.Descriptor.Id} has an empty explanation section");
            Assert.EndsWith(rule.GetType().Name + ".cs", rule.Descriptor.DeclaringFile);
        }
    }

    [Fact]
    public void No_rule_throws_or_reports_outside_the_file_on_the_corpus()
    {
        var counts = new Dictionary<string, int>();
        foreach (var file in CorpusFiles.Dockerfiles())
        {
            var tree = SyntaxTree.Parse(File.ReadAllBytes(file), file);
            var findings = Linter.Default.Lint(tree, file, BuildContext.None);
            foreach (var finding in findings)
            {
                Assert.True(finding.Span.Start >= 0 && finding.Span.End <= tree.Source.Length, $"{finding.Rule.Id} span {finding.Span} outside {file}");
                Assert.False(string.IsNullOrWhiteSpace(finding.Message));
                Assert.DoesNotContain('\n', finding.Message);
                counts[finding.Rule.Id] = counts.GetValueOrDefault(finding.Rule.Id) + 1;
            }
        }
        Assert.False(counts.ContainsKey("STG000"), "the corpus builds, so no syntax findings are expected");
    }
}
