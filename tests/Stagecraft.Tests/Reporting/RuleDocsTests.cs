using Stagecraft.Analysis;
using Stagecraft.Reporting;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Reporting;

/// <summary>
/// docs/rules/ is generated from the descriptors: this fails when a committed page drifts from what
/// <see cref="RuleDocs"/> makes, and rewrites the folder when STAGECRAFT_UPDATE_DOCS=1.
/// </summary>
public class RuleDocsTests
{
    private const string UpdateVariable = "STAGECRAFT_UPDATE_DOCS";

    private static string Folder => Path.Combine(SharedData.RepositoryRoot, RuleDocs.Folder);

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    [Fact]
    public void Committed_pages_are_what_the_descriptors_generate()
    {
        var expected = RuleCatalog.All.ToDictionary(r => RuleDocs.FileName(r.Descriptor), RuleDocs.Page);
        expected["README.md"] = RuleDocs.Index(RuleCatalog.All);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            foreach (var stale in Directory.GetFiles(Folder, "*.md").Where(f => !expected.ContainsKey(Path.GetFileName(f))))
                File.Delete(stale);
            foreach (var (name, text) in expected)
                File.WriteAllText(Path.Combine(Folder, name), text);
            return;
        }

        var problems = new List<string>();
        foreach (var (name, text) in expected)
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
                problems.Add($"{name} is missing");
            else if (File.ReadAllText(path).ReplaceLineEndings("\n") != text)
                problems.Add($"{name} differs");
        }
        if (Directory.Exists(Folder))
        {
            problems.AddRange(Directory.GetFiles(Folder, "*.md").Select(Path.GetFileName)
                .Where(n => !expected.ContainsKey(n!)).Select(n => $"{n} belongs to no rule"));
        }
        Assert.True(problems.Count == 0,
            $"{RuleDocs.Folder} drifted from the rule descriptors ({string.Join("; ", problems)}). Regenerate: {RuleDocs.RegenerateHint}");
    }

    [Fact]
    public void The_update_switch_is_never_left_on_in_CI()
    {
        Assert.False(Updating && Environment.GetEnvironmentVariable("CI") == "true",
            $"{UpdateVariable}=1 rewrites docs instead of checking them; it must not be set in CI.");
    }

    [Fact]
    public void Every_page_has_every_section()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = RuleDocs.Page(rule);
            Assert.StartsWith("<!-- Generated from src/Stagecraft/Analysis/Rules/", page);
            Assert.Contains($"# {rule.Descriptor.Id}: {rule.Descriptor.Name}\n", page);
            foreach (var heading in new[] { "What it flags", "Why it matters", "Example", "Prefer", "Fix safety", "Options", "Turning it off" })
                Assert.Contains($"\n## {heading}\n", page);
        }
    }
}
