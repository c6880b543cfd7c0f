using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;
using Stagecraft.Fixing.MultiStage;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Analysis;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Fixing.MultiStage;

/// <summary>
/// The multi-stage rewrite STG013 offers, on the apps in examples/ and on fixture Dockerfiles per stack
/// (Fixtures/&lt;name&gt;.Dockerfile, with a <c>&lt;name&gt;.context/</c> folder as build context when present). Each
/// rewrite is a reviewed golden file (STAGECRAFT_UPDATE_GOLDEN=1 rewrites them) and must also keep its properties:
/// it parses, has a builder and a runtime stage on the expected base, keeps every original line, re-lints without
/// STG013 and without a new warning. <c>refuse-*</c> fixtures must be refused with the reason their first line names.
/// </summary>
public sealed class MultiStageRewriteTests
{
    private static string Root => Path.Combine(SharedData.RepositoryRoot, "tests", "Stagecraft.Tests", "Fixing", "MultiStage");

    // Findings at warning or above that a rewrite may add because they belong to the new stage's nature, not to a mistake:
    // none so far. A new entry here needs a reason beside it.
    private static readonly HashSet<string> InherentNewFindings = [];

    public static TheoryData<string> Examples() => ["node-api", "python-web", "go-service"];

    public static TheoryData<string> Rewritten() => [.. FixtureNames().Where(n => !n.StartsWith("refuse-", StringComparison.Ordinal))];

    public static TheoryData<string> Refused() => [.. FixtureNames().Where(n => n.StartsWith("refuse-", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_app_gets_a_runtime_stage_that_lints_no_worse(string app)
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "examples", app, "Dockerfile");
        var original = File.ReadAllText(path);
        var rewritten = RewriteThroughStg013(original, BuildContext.ForFile(path));

        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Fixing/MultiStage/Golden/{app}.Dockerfile", rewritten);
        var expected = app switch
        {
            "node-api" => "node:18-slim",
            "python-web" => "python:3.11-slim",
            _ => "scratch",
        };
        AssertProperties(original, rewritten, expected, BuildContext.ForFile(path));
    }

    [Theory]
    [MemberData(nameof(Rewritten))]
    public void Each_stack_fixture_is_rewritten_as_reviewed(string name)
    {
        var (original, context) = Fixture(name);
        var rewritten = RewriteThroughStg013(original, context);

        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Fixing/MultiStage/Golden/{name}.Dockerfile", rewritten);
        AssertProperties(original, rewritten, Header(original, "expect-runtime"), context);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Unusual_files_are_refused_with_a_reason(string name)
    {
        var (original, context) = Fixture(name);
        var outcome = MultiStageRewrite.Rewrite(SemanticModel.Build(SyntaxTree.Parse(original)), context);

        Assert.Null(outcome.Fix);
        Assert.Contains(Header(original, "expect-refusal"), outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_reaches_the_finding_as_a_fix_that_is_never_applied()
    {
        var (original, context) = Fixture("refuse-make");
        var finding = Assert.Single(Linter.Default.Lint(SyntaxTree.Parse(original), "Dockerfile", context), f => f.Rule == SingleStageBuild.Id);

        Assert.Equal(FixSafety.DisplayOnly, finding.Fix!.Safety);
        Assert.Empty(finding.Fix.Edits);
        Assert.Equal("no multi-stage rewrite: no runtime is known for `make` builds", finding.Fix.Title);
    }

    [Fact]
    public void Rewriting_again_changes_nothing_as_the_file_has_two_stages()
    {
        var (original, context) = Fixture("go-static-env");
        var once = RewriteThroughStg013(original, context);

        var again = MultiStageRewrite.Rewrite(SemanticModel.Build(SyntaxTree.Parse(once)), context);

        Assert.Null(again.Fix);
        Assert.Equal("the Dockerfile has 2 stages already", again.Refusal);
    }

    [Fact]
    public void Windows_line_endings_stay_windows_line_endings()
    {
        var (original, context) = Fixture("node-yarn-alpine");
        var crlf = original.ReplaceLineEndings("\r\n");

        var rewritten = RewriteThroughStg013(crlf, context);

        Assert.DoesNotContain("\n", rewritten.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(RewriteThroughStg013(original, context).ReplaceLineEndings("\r\n"), rewritten);
    }

    [Fact]
    public void A_file_without_a_final_newline_gets_one_before_the_runtime_stage()
    {
        const string original = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\nCMD [\"/bin/app\"]";

        var rewritten = RewriteThroughStg013(original, BuildContext.None);

        Assert.Equal(
            "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\n\nFROM scratch\nWORKDIR /src\n"
            + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /bin/app /bin/app\nUSER 65532:65532\nCMD [\"/bin/app\"]\n",
            rewritten);
    }

    [Fact]
    public void Paths_with_blanks_are_copied_in_JSON_form()
    {
        const string original = "FROM golang:1.22\nWORKDIR \"/srv/my app\"\nCOPY . .\nRUN CGO_ENABLED=0 go build -o \"bin dir/app\" .\nCMD [\"./bin dir/app\"]\n";

        var rewritten = RewriteThroughStg013(original, BuildContext.None);

        Assert.Contains("\nCOPY --from=build [\"/srv/my app/bin dir/app\", \"/srv/my app/bin dir/app\"]\n", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_without_cgo_setting_gets_cgo_disabled_on_its_build_command_only()
    {
        const string original = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go vet ./... && go build -o /bin/app .\nCMD [\"/bin/app\"]\n";

        var rewritten = RewriteThroughStg013(original, BuildContext.None);

        Assert.Contains("RUN go vet ./... && CGO_ENABLED=0 go build -o /bin/app .\n", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_sources_that_import_C_keep_cgo_and_the_C_library()
    {
        using var temp = new TempDirectory();
        temp.Write("main.go", "package main\n\nimport \"C\"\n\nfunc main() {}\n");
        const string original = "FROM golang:1.22-bookworm\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD [\"/bin/app\"]\n";

        var rewritten = RewriteThroughStg013(original, new BuildContext(temp.FullPath, null));

        Assert.Contains("RUN go build -o /bin/app .\n", rewritten, StringComparison.Ordinal);
        Assert.Contains("\nFROM debian:bookworm-slim\n", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rewrite_of_the_corpus_parses_and_leaves_a_file_STG013_accepts()
    {
        var rule = new SingleStageBuild();
        var (rewritten, refused) = (0, new Dictionary<string, int>());
        foreach (var file in Stagecraft.Tests.Syntax.CorpusFiles.Dockerfiles())
        {
            var text = File.ReadAllText(file);
            foreach (var finding in RuleAssert.Lint(rule, text))
            {
                if (finding.Fix is not { Safety: FixSafety.Unsafe } fix)
                {
                    var reason = finding.Fix!.Title;
                    refused[reason] = refused.GetValueOrDefault(reason) + 1;
                    TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)} line {finding.Line}: {reason}");
                    continue;
                }
                rewritten++;
                TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)} line {finding.Line}: {fix.Title}");
                var result = FixApplierForTests.Apply(text, fix);
                var tree = SyntaxTree.Parse(result);
                Assert.False(tree.HasErrors, $"{file}: {string.Join("; ", tree.Diagnostics.Select(d => d.Message))}\n{result}");
                Assert.Equal(2, SemanticModel.Build(tree).Stages.Count);
                Assert.Empty(RuleAssert.Lint(rule, result));
                // Outside the edits, every byte of the original is where it was.
                var kept = 0;
                foreach (var edit in fix.Edits.OrderBy(e => e.Span.Start))
                {
                    Assert.True(edit.Span.Start >= kept, $"{file}: overlapping edits");
                    kept = edit.Span.End;
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"rewritten {rewritten}, refused {refused.Values.Sum()}");
        foreach (var (reason, count) in refused.OrderByDescending(r => r.Value))
            TestContext.Current.TestOutputHelper?.WriteLine($"{count,4} {reason}");
        Assert.True(rewritten > 0, "the corpus has single-stage builds, so some must be rewritten");
    }

    private static string RewriteThroughStg013(string original, BuildContext context)
    {
        var findings = Linter.Default.Lint(SyntaxTree.Parse(original), "Dockerfile", context);
        var finding = Assert.Single(findings, f => f.Rule == SingleStageBuild.Id);
        Assert.True(finding.Fix is { Safety: FixSafety.Unsafe }, $"STG013 offers no rewrite: {finding.Fix?.Title}");
        return FixApplierForTests.Apply(original, finding.Fix!);
    }

    private static void AssertProperties(string original, string rewritten, string expectedRuntime, BuildContext context)
    {
        var tree = SyntaxTree.Parse(rewritten);
        Assert.False(tree.HasErrors, string.Join("; ", tree.Diagnostics.Select(d => d.Message)));
        var model = SemanticModel.Build(tree);
        Assert.Equal(2, model.Stages.Count);
        Assert.Equal(MultiStageRewrite.BuilderName, model.Stages[0].Name ?? "");
        Assert.Equal(expectedRuntime, model.Stages[1].Base.Reference);
        // The runtime is smaller than the builder, unless the builder is already a slim or Alpine image of the runtime.
        if (!model.Stages[0].Base.Reference.Contains("alpine", StringComparison.Ordinal) && !model.Stages[0].Base.Reference.Contains("slim", StringComparison.Ordinal))
            Assert.NotEqual(model.Stages[0].Base.Reference, model.Stages[1].Base.Reference);
        Assert.All(model.Stages[1].References, r => Assert.Equal(MultiStageRewrite.BuilderName, r.Stage?.Name));

        // Every line of the original survives as written, apart from blank lines, the FROM that gains its name and a go build that gains CGO_ENABLED=0.
        var lines = rewritten.ReplaceLineEndings("\n").Split('\n').ToList();
        foreach (var line in original.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("FROM ", StringComparison.Ordinal) || line.Contains("go build", StringComparison.Ordinal))
                continue;
            Assert.True(lines.Remove(line), $"line lost in the rewrite: \"{line}\"\n{rewritten}");
        }

        var before = Linter.Default.Lint(SyntaxTree.Parse(original), "Dockerfile", context);
        var after = Linter.Default.Lint(tree, "Dockerfile", context);
        Assert.DoesNotContain(after, f => f.Rule == SingleStageBuild.Id);
        var known = before.Where(f => f.Severity <= Severity.Warning).Select(f => f.Rule.Id).ToHashSet();
        var added = after.Where(f => f.Severity <= Severity.Warning && !known.Contains(f.Rule.Id) && !InherentNewFindings.Contains(f.Rule.Id)).ToList();
        Assert.True(added.Count == 0, "new findings: " + string.Join("; ", added.Select(f => $"{f.Rule.Id} line {f.Line}: {f.Message}")) + "\n" + rewritten);
    }

    private static IEnumerable<string> FixtureNames() =>
        Directory.EnumerateFiles(Path.Combine(Root, "Fixtures"), "*.Dockerfile").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    private static (string Text, BuildContext Context) Fixture(string name)
    {
        var path = Path.Combine(Root, "Fixtures", name + ".Dockerfile");
        var context = Path.Combine(Root, "Fixtures", name + ".context");
        return (File.ReadAllText(path), Directory.Exists(context) ? new BuildContext(context, path) : BuildContext.None);
    }

    /// <summary>The value of a <c># key: value</c> line at the top of a fixture.</summary>
    private static string Header(string text, string key) =>
        text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith($"# {key}: ", StringComparison.Ordinal))[(key.Length + 4)..];
}
