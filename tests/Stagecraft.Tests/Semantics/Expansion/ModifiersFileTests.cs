using System.Text.Json;
using Stagecraft.Semantics.Expansion;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Semantics.Expansion;

/// <summary>The 56 operator cases of modifiers.json (#, %, /, ?, unsupported forms), one theory row each.</summary>
public sealed class ModifiersFileTests
{
    public static TheoryData<int> Cases
    {
        get
        {
            var data = new TheoryData<int>();
            if (BuildKitShellData.OptionalPath(BuildKitShellData.Modifiers) is not { } path)
            {
                data.Add(-1);
                return data;
            }
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            for (var i = 0; i < document.RootElement.GetArrayLength(); i++)
                data.Add(i);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_expands_as_in_BuildKit(int index)
    {
        var path = SharedData.Require(BuildKitShellData.Modifiers);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var testCase = document.RootElement[index];
        var input = testCase.GetProperty("input").GetString()!;
        var env = testCase.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

        var result = WordExpander.ExpandWord(input, new DictionaryVariableLookup(env));

        if (testCase.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            Assert.False(result.Succeeded, $"case {index}: {input} should fail but gave '{result.Value}'");
            if (testCase.TryGetProperty("errorContains", out var contains))
                Assert.Contains(contains.GetString()!, result.Error, StringComparison.Ordinal);
            return;
        }

        Assert.True(result.Succeeded, $"case {index}: {input} failed: {result.Error}");
        Assert.Equal(testCase.GetProperty("expected").GetString(), result.Value);
        if (testCase.TryGetProperty("matched", out var matched))
            Assert.Equal(Names(matched), result.Matched.Order(StringComparer.Ordinal));
        if (testCase.TryGetProperty("unmatched", out var unmatched))
            Assert.Equal(Names(unmatched), result.Unmatched.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Names(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
}
