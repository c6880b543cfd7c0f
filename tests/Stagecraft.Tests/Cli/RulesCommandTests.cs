using System.Text.Json;
using Stagecraft.Analysis;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft rules</c> lists every rule of the catalog, as a table or as JSON.</summary>
public class RulesCommandTests
{
    [Fact]
    public void The_table_has_a_row_per_rule()
    {
        var result = CliRun.Run("rules");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Matches(@"Id\s+Name\s+Severity\s+Category\s+Aliases\s+Title", result.OutputText);
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            // Long titles wrap inside their column, so only the title's first words are sure to stand on the rule's row.
            var titleStart = System.Text.RegularExpressions.Regex.Escape(string.Join(' ', d.Title.Split(' ').Take(3)));
            var off = d.EnabledByDefault ? "" : @" \(off\)";
            Assert.Matches($@"{d.Id}\s+{d.Name}\s+{Severities.Name(d.DefaultSeverity)}{off}\s+{d.Category.ToString().ToLowerInvariant()}\s+.*{titleStart}", result.OutputText);
        }
        Assert.Contains($"{RuleCatalog.All.Count} rule", result.OutputText);
        Assert.DoesNotContain('\u001b', result.OutputText);
    }

    [Fact]
    public void Json_lists_the_descriptors()
    {
        var result = CliRun.Run("rules", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var first = rules[0];
        var descriptor = RuleCatalog.All[0].Descriptor;
        Assert.Equal(descriptor.Name, first.GetProperty("name").GetString());
        Assert.Equal(descriptor.Title, first.GetProperty("title").GetString());
        Assert.Equal(Severities.Name(descriptor.DefaultSeverity), first.GetProperty("severity").GetString());
        Assert.Equal(descriptor.Aliases, first.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(descriptor.HelpUri, first.GetProperty("help").GetString());
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.EnabledByDefault), rules.Select(r => r.GetProperty("enabledByDefault").GetBoolean()));
        Assert.Contains(false, rules.Select(r => r.GetProperty("enabledByDefault").GetBoolean()));
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = CliRun.Run("rules", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: --format: unknown value 'xml'; expected tty or json\n", result.Error);
    }
}
