using Stagecraft.Analysis;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Reporting;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis;

/// <summary>
/// Ids of rules that were merged into another rule: wherever a rule id is accepted they act exactly like the code the
/// old rule answered to, on the findings that carry it, and nothing else.
/// </summary>
public class RetiredRulesTests
{
    // A finding for each retired rule's code, and one that carries none of them (STG109's info finding for $UNSET_DIR).
    private const string Sample = """
        FROM --platform=linux/amd64 alpine:3.20 AS scratch
        MAINTAINER Jane Doe <jane@example.com>
        ENV HOME=/app CACHE=$HOME/.cache
        WORKDIR $UNSET_DIR
        CMD exec node app.js

        """;

    public static TheoryData<string, string> IdsAndNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var retired in RetiredRules.All)
        {
            data.Add(retired.Id, retired.Code);
            data.Add(retired.Name.ToUpperInvariant(), retired.Code);
        }
        return data;
    }

    private static IReadOnlyList<Finding> Lint(string text, LintConfiguration? configuration = null) =>
        RuleAssert.LintWith(RuleCatalog.All, text, configuration ?? LintConfiguration.Default);

    private static string[] Show(IEnumerable<Finding> findings) =>
        findings.Select(f => $"{f.Line}:{f.Column} {f.Rule.Id} {f.Severity} [{string.Join(",", f.Aliases)}]").ToArray();

    private static LintConfiguration Ignoring(params string[] codes) =>
        LintConfiguration.Default with { Ignored = new HashSet<string>(codes, StringComparer.OrdinalIgnoreCase) };

    [Fact]
    public void The_table_names_no_current_rule_and_each_code_belongs_to_one_rule()
    {
        Assert.Equal(RetiredRules.All.Count, RetiredRules.All.Select(r => r.Id).Distinct().Count());
        foreach (var retired in RetiredRules.All)
        {
            Assert.Matches("^STG[0-9]{3}$", retired.Id);
            Assert.DoesNotContain(RuleCatalog.All, r => r.Descriptor.Id == retired.Id || r.Descriptor.Name == retired.Name);
            var into = Assert.Single(RuleCatalog.All, r => r.Descriptor.Aliases.Contains(retired.Code));
            Assert.Contains(retired, RetiredRules.MergedInto(into.Descriptor));
        }
    }

    [Theory]
    [MemberData(nameof(IdsAndNames))]
    public void Lookup_reads_a_retired_id_or_name_as_its_code(string written, string code)
    {
        Assert.Equal(code, RuleLookup.Canonical(written));
        Assert.Equal(code, RuleLookup.Canonical(written.ToLowerInvariant()));
        Assert.Same(RuleLookup.Find(code), RuleLookup.Find(written));
        // Against rules that lack the surviving rule, the id is as unknown as its code.
        Assert.Null(RuleLookup.Find(written, [TestRules.EveryRun]));
    }

    [Fact]
    public void The_sample_exercises_every_code_and_findings_never_carry_a_retired_id()
    {
        var findings = Lint(Sample);
        foreach (var retired in RetiredRules.All)
        {
            Assert.Contains(findings, f => f.Aliases.Contains(retired.Code));
            Assert.DoesNotContain(findings, f => f.Aliases.Contains(retired.Id, StringComparer.OrdinalIgnoreCase) || f.Rule.Id == retired.Id);
        }
        Assert.Contains(findings, f => RetiredRules.All.All(r => !f.Aliases.Contains(r.Code)));
    }

    [Theory]
    [MemberData(nameof(IdsAndNames))]
    public void Ignoring_a_retired_id_drops_exactly_the_findings_that_carry_its_code(string written, string code)
    {
        var expected = Show(Lint(Sample).Where(f => !f.Aliases.Contains(code)));

        Assert.Equal(expected, Show(Lint(Sample, Ignoring(RuleLookup.Canonical(written)!))));
        Assert.Equal(Show(Lint(Sample, Ignoring(code))), Show(Lint(Sample, Ignoring(RuleLookup.Canonical(written)!))));
    }

    [Fact]
    public void Ignoring_stg257_keeps_the_other_undefined_variable_findings()
    {
        var left = Lint(Sample, Ignoring(RuleLookup.Canonical("STG257")!)).Where(f => f.Rule.Id == "STG109");

        Assert.Equal(["4:9 STG109 Info [UndefinedVar]"], Show(left));
    }

    [Theory]
    [MemberData(nameof(IdsAndNames))]
    public void Inline_comments_with_a_retired_id_act_like_its_code(string written, string code)
    {
        foreach (var form in new[] { "# stagecraft global ignore=", "# hadolint global ignore=STG999," })
        {
            var byRetired = Lint(form + written + "\n" + Sample);
            Assert.Equal(Show(Lint(form + code + "\n" + Sample)), Show(byRetired));
            Assert.DoesNotContain(byRetired, f => f.Aliases.Contains(code));
        }
    }

    [Fact]
    public void A_comment_above_one_instruction_silences_it_by_retired_id()
    {
        var text = Sample.Replace("ENV HOME", "# hadolint ignore=stg257\nENV HOME", StringComparison.Ordinal);

        Assert.DoesNotContain(Lint(text), f => f.Aliases.Contains("DL3044"));
        Assert.Contains(Lint(text), f => f.Rule.Id == "STG109");
    }

    [Fact]
    public void A_check_skip_with_a_retired_id_acts_like_its_code()
    {
        var skipped = Lint("# check=skip=STG217\n" + Sample);

        Assert.Equal(Show(Lint("# check=skip=DL3025\n" + Sample)), Show(skipped));
        Assert.DoesNotContain(skipped, f => f.Rule.Id == "STG105");
    }

    [Fact]
    public void Stagecraft_yaml_stores_the_code_for_ignored_override_and_overrides()
    {
        var file = ConfigurationFile.Parse("""
            ignored: [STG217, env-uses-variable-it-sets]
            override:
              info: [stg278]
            overrides:
              - paths: [legacy/**]
                ignored: [STG221]
                override:
                  error: [STG273]
            """, ".stagecraft.yaml", "/repo");

        Assert.Equal(["DL3025", "DL3044"], file.Settings.Ignored.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Info, file.Settings.SeverityOverrides["DL4000"]);
        var legacy = file.For("/repo/legacy/Dockerfile");
        Assert.Contains("DL3029", legacy.Ignored);
        Assert.Equal(Severity.Error, legacy.SeverityOverrides["DL3063"]);
        var maintainer = Assert.Single(Lint(Sample, file.Settings), f => f.Rule.Id == "STG106");
        Assert.Equal(Severity.Info, maintainer.Severity);
    }

    [Fact]
    public void Hadolint_s_file_and_variables_store_the_code()
    {
        var file = HadolintConfiguration.Parse("ignored: [STG221]\noverride:\n  style: [maintainer-instruction]\n", ".hadolint.yaml",
            name => name == "HADOLINT_IGNORE" ? "stg273" : null, "/repo")!;

        Assert.Equal(["DL3029", "DL3063"], file.Settings.Ignored.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.Style, file.Settings.SeverityOverrides["DL4000"]);
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void The_surviving_rule_s_page_says_which_ids_it_took_over()
    {
        foreach (var retired in RetiredRules.All)
        {
            var into = RuleLookup.Find(retired.Code)!;
            Assert.Contains($"\nFormerly also {retired.Id} (`{retired.Name}`), merged into this rule: that id still works wherever an id does and means this rule's `{retired.Code}` findings.\n",
                RuleDocs.Page(into));
            Assert.Contains($"{retired.Id} is {retired.Code} of [{into.Descriptor.Id}]({into.Descriptor.Id}.md)", RuleDocs.Index(RuleCatalog.All));
        }
        Assert.DoesNotContain("Formerly", RuleDocs.Page(RuleLookup.Find("STG000")!));
    }

    [Fact]
    public void Configuration_docs_list_every_retired_id()
    {
        var page = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "configuration.md"));
        Assert.Contains("\n## Retired rule ids\n", page.ReplaceLineEndings("\n"));
        foreach (var retired in RetiredRules.All)
        {
            var into = RuleLookup.Find(retired.Code)!.Descriptor;
            Assert.Contains($"| {retired.Id} | `{retired.Name}` | {retired.Code} | [{into.Id}](rules/{into.Id}.md) `{into.Name}` |", page);
        }
    }
}
