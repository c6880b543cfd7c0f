using System.Text.Json;
using Stagecraft.Analysis.Context;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Context;

/// <summary>moby/patternmatcher's own expectations (../shared/testdata/dockerignore/cases.json), one test per entry.</summary>
public class DockerIgnoreConformanceTests
{
    public static IEnumerable<TheoryDataRow<string>> Entries(string section)
    {
        var any = false;
        foreach (var key in DockerIgnoreCases.Keys(section))
        {
            any = true;
            yield return new TheoryDataRow<string>(key);
        }
        if (!any)
            yield return new TheoryDataRow<string>("(shared data absent)");
    }

    [Theory]
    [MemberData(nameof(Entries), "cases")]
    public void Case(string id)
    {
        var c = DockerIgnoreCases.Get("cases", id);
        var patterns = Strings(c.GetProperty("patterns"));
        var path = c.GetProperty("path").GetString()!;
        var usesPackageMatches = c.GetProperty("api").GetString() == "Matches";
        bool Run()
        {
            var matcher = DockerIgnoreMatcher.Create(patterns);
            return usesPackageMatches ? matcher.IsExcluded(path) : matcher.MatchesOrParentMatches(path);
        }

        if (c.GetProperty("error").GetString() is { } error)
        {
            var expected = error switch
            {
                "ErrBadPattern" => DockerIgnoreErrorKind.BadPattern,
                "IllegalExclusion" => DockerIgnoreErrorKind.IllegalExclusion,
                _ => throw new InvalidOperationException("unknown error " + error),
            };
            Assert.Equal(expected, Assert.Throws<DockerIgnoreException>(() => Run()).Kind);
            // A pattern that only fails when used must keep failing on every later call, too.
            Assert.Equal(expected, Assert.Throws<DockerIgnoreException>(() => Run()).Kind);
            return;
        }
        Assert.Equal(c.GetProperty("match").GetBoolean(), Run());
    }

    [Theory]
    [MemberData(nameof(Entries), "construct")]
    public void Construct(string id)
    {
        var c = DockerIgnoreCases.Get("construct", id);
        var patterns = Strings(c.GetProperty("patterns"));
        if (c.GetProperty("expect_error").GetBoolean())
        {
            Assert.Throws<DockerIgnoreException>(() => DockerIgnoreMatcher.Create(patterns));
            return;
        }
        var matcher = DockerIgnoreMatcher.Create(patterns);
        if (c.TryGetProperty("expect_pattern_count", out var count))
            Assert.Equal(count.GetInt32(), matcher.Patterns.Count);
        if (c.TryGetProperty("expect_exclusions", out var exclusions))
            Assert.Equal(exclusions.GetBoolean(), matcher.HasExclusions);
    }

    [Theory]
    [MemberData(nameof(Entries), "ignorefile")]
    public void Ignore_file(string id)
    {
        var c = DockerIgnoreCases.Get("ignorefile", id);
        // Upstream's nil reader has no C# counterpart; empty content is the closest input.
        var input = c.GetProperty("input").GetString() ?? "";
        Assert.Equal(Strings(c.GetProperty("expected")), DockerIgnoreFile.Parse(input).Patterns);
    }

    [Theory]
    [MemberData(nameof(Entries), "compile")]
    public void Compile(string id)
    {
        var c = DockerIgnoreCases.Get("compile", id);
        var kind = PatternTranslator.Translate(c.GetProperty("pattern").GetString()!, out var expression);
        var expectedKind = c.GetProperty("matchType").GetString() switch
        {
            "exact" => PatternKind.Exact,
            "prefix" => PatternKind.Prefix,
            "suffix" => PatternKind.Suffix,
            _ => PatternKind.Expression,
        };
        Assert.Equal(expectedKind, kind);
        Assert.Equal(c.GetProperty("regexp_slash").GetString(), expression);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

/// <summary>Loads cases.json once; entries are keyed by id (cases) or by position (the other sections).</summary>
internal static class DockerIgnoreCases
{
    private const string RelativePath = "testdata/dockerignore/cases.json";

    private static readonly Lazy<JsonElement?> Root = new(() =>
    {
        var root = SharedData.Root;
        var path = root is null ? null : Path.Combine(root, RelativePath);
        if (path is null || !File.Exists(path))
            return null;
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    public static IEnumerable<string> Keys(string section)
    {
        if (Root.Value is not { } root)
            yield break;
        var index = 0;
        foreach (var entry in root.GetProperty(section).EnumerateArray())
        {
            yield return Key(section, entry, index);
            index++;
        }
    }

    public static JsonElement Get(string section, string key)
    {
        SharedData.Require(RelativePath);
        var index = 0;
        foreach (var entry in Root.Value!.Value.GetProperty(section).EnumerateArray())
        {
            if (Key(section, entry, index) == key)
                return entry;
            index++;
        }
        throw new InvalidOperationException($"no {section} entry {key}");
    }

    public static int Count(string section) => Root.Value is { } root ? root.GetProperty(section).GetArrayLength() : 0;

    private static string Key(string section, JsonElement entry, int index) => section switch
    {
        "cases" => entry.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "compile" => "line " + entry.GetProperty("source_line").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{index + 1} {entry.GetProperty("source_test").GetString()}",
    };
}
