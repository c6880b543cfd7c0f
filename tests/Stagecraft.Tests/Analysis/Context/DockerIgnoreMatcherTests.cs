using Stagecraft.Analysis.Context;

namespace Stagecraft.Tests.Analysis.Context;

public class DockerIgnoreMatcherTests
{
    private static DockerIgnoreMatcher FromFile(string text) => DockerIgnoreFile.Parse(text, ".dockerignore").CreateMatcher();

    [Theory]
    [InlineData("node_modules/x/y.js", true, 1)]
    [InlineData("CHANGELOG.md", true, 2)]
    [InlineData("./CHANGELOG.md", true, 2)]
    [InlineData("README.md", false, 3)]
    [InlineData("docs/README.md", true, 5)]
    [InlineData("docs", true, 5)]
    [InlineData("src/app.cs", false, null)]
    [InlineData(".", false, null)]
    public void Decide_names_the_line_that_settled_the_path(string path, bool excluded, int? line)
    {
        var matcher = FromFile("node_modules\n*.md\n!README.md\n# docs are built elsewhere\ndocs/\n");

        var decision = matcher.Decide(path);

        Assert.Equal(excluded, decision.IsExcluded);
        Assert.Equal(line, decision.DecidedBy?.Line);
        Assert.Equal(excluded, matcher.IsExcluded(path));
    }

    [Fact]
    public void The_last_matching_pattern_is_the_one_that_decided()
    {
        var matcher = FromFile("docs\n**/*.md\n");

        var decision = matcher.Decide("docs/a.md");

        Assert.True(decision.IsExcluded);
        Assert.Equal((2, "**/*.md"), (decision.DecidedBy!.Line!.Value, decision.DecidedBy.Text));
    }

    [Fact]
    public void Patterns_keep_what_the_user_wrote_and_what_is_matched()
    {
        var matcher = FromFile("/build/\n! /build/keep.txt\n");

        var exception = matcher.Patterns[1];

        Assert.Equal(("build/keep.txt", true, "! /build/keep.txt", 2), (exception.Pattern, exception.IsException, exception.Text, exception.Line!.Value));
        Assert.Equal("! /build/keep.txt", exception.ToString());
        Assert.Equal(".dockerignore", matcher.FilePath);
    }

    [Fact]
    public void Patterns_from_strings_are_trimmed_blank_ones_dropped_and_have_no_line()
    {
        var matcher = DockerIgnoreMatcher.Create(["a", "  ", "  !b/  "]);

        Assert.Equal(["a", "b"], matcher.Patterns.Select(p => p.Pattern));
        Assert.True(matcher.HasExclusions);
        Assert.Null(matcher.Patterns[1].Line);
        Assert.False(DockerIgnoreMatcher.Create(["a"]).HasExclusions);
    }

    [Fact]
    public void The_empty_matcher_excludes_nothing()
    {
        Assert.False(DockerIgnoreMatcher.Empty.IsExcluded("anything/at/all"));
        Assert.Empty(DockerIgnoreMatcher.Empty.Patterns);
    }

    [Fact]
    public void MatchesOrParentMatches_uses_the_path_as_given_while_IsExcluded_cleans_it()
    {
        var matcher = DockerIgnoreMatcher.Create(["a"]);

        Assert.False(matcher.MatchesOrParentMatches("./a"));
        Assert.True(matcher.IsExcluded("./a"));
        Assert.True(matcher.MatchesOrParentMatches("a//b"));
    }

    [Fact]
    public void A_pattern_that_only_fails_when_used_is_reported_when_the_answer_depends_on_it()
    {
        var matcher = FromFile("a\n[z-a]x\n");
        var broken = matcher.Patterns[1];

        Assert.NotNull(broken.Problem);
        Assert.Contains("`^[z-a]x$`", broken.Problem);
        // Once "a" has excluded the path, moby never evaluates the broken pattern, so there is no error.
        Assert.True(matcher.IsExcluded("a/b"));
        var error = Assert.Throws<DockerIgnoreException>(() => matcher.IsExcluded("b"));
        Assert.Equal(DockerIgnoreErrorKind.BadPattern, error.Kind);
        Assert.StartsWith(".dockerignore:2: invalid pattern `[z-a]x`: ", error.Message);
    }

    [Theory]
    // moby escapes only ".+()$": '|' is alternation, and the halves are anchored at one end only.
    [InlineData("*.go|*.md", "x.gold/file", true)]
    [InlineData("*.go|*.md", "docs/a.md", true)]
    [InlineData("*.go|*.md", "b.txt", false)]
    // Shell-style braces are not expansion: they are literal unless they form a repeat count.
    [InlineData("*.{js,ts}", "app.js", false)]
    [InlineData("*.{js,ts}", "app.{js,ts}", true)]
    [InlineData("a?{2}", "abc", true)]
    [InlineData("a?{2}", "ab", false)]
    // Escaped letters keep their regex meaning, and POSIX classes work inside brackets.
    [InlineData("v\\d*", "v1.2", true)]
    [InlineData("v\\d*", "vd", false)]
    [InlineData("[[:digit:]]*", "1abc", true)]
    [InlineData("[[:digit:]]*", "abc", false)]
    // \Q quotes the rest, the closing '$' included, so the match is a prefix.
    [InlineData("\\Qa*", "a[^/]*$/more", true)]
    [InlineData("\\Qa*", "abc", false)]
    // '?' is one code point, not one UTF-16 unit.
    [InlineData("a?b", "a\U0001F600b", true)]
    [InlineData("**.md", "x.md", true)]
    // Text that an optional part or another alternative can skip is not required.
    [InlineData("*b{0,1}", "x", true)]
    [InlineData("*.md|x", "abx", true)]
    // moby cuts "**" off as two bytes; after a U+FEFF (skipped by its scanner) the mark's last byte stays in front.
    [InlineData("\uFEFF**x", "\u00BF**x", true)]
    [InlineData("\uFEFF**x", "a**x", false)]
    public void Regular_expression_quirks_are_kept(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnoreMatcher.Create([pattern]).IsExcluded(path));

    [Fact]
    public void A_unicode_script_class_is_flagged_as_not_evaluated()
    {
        var pattern = DockerIgnoreMatcher.Create(["*\\p{Greek}"]).Patterns[0];

        Assert.Contains("cannot evaluate", pattern.Problem);
        Assert.Null(DockerIgnoreMatcher.Create(["*\\p{Lu}", "*\\p{Uppercase_Letter}", "*\\PL"]).Patterns.FirstOrDefault(p => p.Problem is not null));
    }

    [Fact]
    public void Ancestors_count_even_where_buildkits_walker_would_disagree()
    {
        // BuildKit's context walker reuses each directory's per-pattern results for its children and would send
        // a/b here; its CopyIgnoredFile check and moby's MatchesOrParentMatches, which we follow, exclude it.
        var matcher = DockerIgnoreMatcher.Create(["a", "!a/b", "a"]);

        Assert.True(matcher.IsExcluded("a/b"));
    }

    [Theory]
    [InlineData(new[] { "node_modules" }, "node_modules", true)]
    [InlineData(new[] { "node_modules" }, "src", false)]
    [InlineData(new[] { "*" }, "anything", true)]
    [InlineData(new[] { "*" }, ".", false)]
    [InlineData(new[] { "node_modules", "!node_modules/keep/me.txt" }, "node_modules", false)]
    [InlineData(new[] { "node_modules", "!node_modules/keep/me.txt" }, "node_modules/keep", false)]
    [InlineData(new[] { "node_modules", "!node_modules/keep/me.txt" }, "node_modules/other", true)]
    [InlineData(new[] { "docs", "!docs/api/**" }, "docs", false)]
    [InlineData(new[] { "docs", "!docs/api/**" }, "docs/guide", true)]
    [InlineData(new[] { "docs", "!docs/api/*" }, "docs/guide/", true)]
    // A wildcard in any "!" line could re-include something anywhere, so nothing is skipped.
    [InlineData(new[] { "build", "!**/*.keep" }, "build", false)]
    [InlineData(new[] { "build", "!other/[ab]" }, "build", false)]
    public void CanSkipDirectory_follows_the_context_walker(string[] patterns, string directory, bool skip) =>
        Assert.Equal(skip, DockerIgnoreMatcher.Create(patterns).CanSkipDirectory(directory));

    [Fact]
    public void Random_patterns_only_ever_fail_with_a_dockerignore_error()
    {
        // Guards the regular-expression reader against inputs it considers impossible.
        const string alphabet = "ab/*?[]^-\\.!{}()$+|:,0129dDsSwWbBAzQEpPxL_ é\U0001F600";
        var random = new Random(20240601);
        var runes = alphabet.EnumerateRunes().Select(r => r.ToString()).ToArray();
        string Next(int max) => string.Concat(Enumerable.Range(0, random.Next(max)).Select(_ => runes[random.Next(runes.Length)]));

        for (var i = 0; i < 3000; i++)
        {
            var patterns = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Next(12)).ToArray();
            try
            {
                var matcher = DockerIgnoreMatcher.Create(patterns);
                for (var j = 0; j < 5; j++)
                    _ = matcher.IsExcluded(Next(10));
            }
            catch (DockerIgnoreException)
            {
            }
        }
    }
}
