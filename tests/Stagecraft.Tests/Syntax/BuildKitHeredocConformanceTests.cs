using System.Text.Json;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Syntax;

/// <summary>BuildKit's heredoc expectations (../shared/testdata/buildkit-heredoc/cases.json), kind by kind.</summary>
public class BuildKitHeredocConformanceTests
{
    public static TheoryData<string> Cases(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var element in HeredocCases.Load(kind))
            data.Add(element.GetProperty("name").GetString()!);
        if (data.Count == 0)
            data.Add("(shared data absent)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases), "heredoc-word")]
    public void Heredoc_word(string name)
    {
        var c = HeredocCases.Get(name);
        var input = c.GetProperty("input").GetString()!;
        var expect = c.GetProperty("expect");
        var ok = HeredocMarkerReader.TryParseWord(input, out var marker, out _);
        if (expect.TryGetProperty("error", out _))
        {
            Assert.False(ok);
            return;
        }
        Assert.True(ok);
        if (expect.GetProperty("isHeredoc").GetBoolean())
            Assert.Equal(expect.GetProperty("name").GetString(), marker?.Name);
        else
            Assert.Null(marker);
    }

    [Theory]
    [MemberData(nameof(Cases), "heredocs-from-line")]
    public void Heredocs_from_line(string name)
    {
        var c = HeredocCases.Get(name);
        var input = System.Text.Encoding.UTF8.GetBytes(c.GetProperty("input").GetString()!);
        var expect = c.GetProperty("expect");
        var names = expect.TryGetProperty("buildkitActual", out var actual) ? actual : expect.GetProperty("names");
        var found = HeredocMarkerReader.FindInLine(input, 0, input.Length).Select(f => f.Marker.Name).ToArray();
        Assert.Equal(names.EnumerateArray().Select(e => e.GetString()!).ToArray(), found);
    }

    [Theory]
    [MemberData(nameof(Cases), "chomp")]
    public void Chomp(string name)
    {
        var c = HeredocCases.Get(name);
        Assert.Equal(c.GetProperty("expect").GetProperty("output").GetString(), HeredocSyntax.StripLeadingTabs(c.GetProperty("input").GetString()!));
    }

    [Theory]
    [MemberData(nameof(Cases), "parse")]
    public void Parse(string name)
    {
        var c = HeredocCases.Get(name);
        var tree = SyntaxTree.Parse(c.GetProperty("dockerfile").GetString()!);
        Assert.DoesNotContain(tree.Diagnostics, d => d.IsLineParserError);
        foreach (var child in c.GetProperty("expect").GetProperty("children").EnumerateArray())
        {
            var instruction = tree.Root.Instructions[child.GetProperty("index").GetInt32()];
            Assert.StartsWith(child.GetProperty("instruction").GetString()!, tree.GetText(instruction.Span));
            var expected = child.GetProperty("heredocs").EnumerateArray().Select(h => (
                h.GetProperty("name").GetString(), h.GetProperty("content").GetString(), h.GetProperty("expand").GetBoolean(),
                h.GetProperty("chomp").GetBoolean(), h.GetProperty("fileDescriptor").GetInt32())).ToArray();
            var actual = instruction.Heredocs.Select(h => ((string?)h.Name, (string?)h.Content, h.Expand, h.Chomp, h.FileDescriptor)).ToArray();
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Cases), "instruction")]
    public void Instruction(string name)
    {
        var c = HeredocCases.Get(name);
        var tree = SyntaxTree.Parse(c.GetProperty("dockerfile").GetString()!);
        var instruction = tree.Root.Instructions[0];
        var expect = c.GetProperty("expect");
        if (expect.TryGetProperty("error", out _))
        {
            Assert.Contains(instruction.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains(expect.GetProperty("errorContains").GetString()!));
            return;
        }
        Assert.DoesNotContain(instruction.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        if (expect.TryGetProperty("copy", out var copy))
        {
            var typed = Assert.IsType<CopyInstructionSyntax>(instruction);
            Assert.Equal(copy.GetProperty("destPath").GetString(), typed.Destination?.Value);
            Assert.Equal(Strings(copy.GetProperty("sourcePaths")), typed.PathSources.Select(s => s.Value).ToArray());
            var contents = copy.GetProperty("sourceContents").EnumerateArray()
                .Select(s => (s.GetProperty("path").GetString()!, s.GetProperty("data").GetString()!, s.GetProperty("expand").GetBoolean())).ToArray();
            Assert.Equal(contents, typed.HeredocSources.Select(s => (s.Path, s.Heredoc.ChompedContent, s.Heredoc.Expand)).ToArray());
        }
        else
        {
            var run = expect.GetProperty("run");
            var typed = Assert.IsType<RunInstructionSyntax>(instruction);
            Assert.Equal(run.GetProperty("prependShell").GetBoolean(), typed.IsShellForm);
            var cmdLine = typed.IsShellForm ? [typed.ArgumentsText] : typed.ExecForm.Select(a => a.Value).ToArray();
            Assert.Equal(Strings(run.GetProperty("cmdLine")), cmdLine);
            var files = run.GetProperty("files").EnumerateArray()
                .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("data").GetString()!, f.GetProperty("chomp").GetBoolean())).ToArray();
            Assert.Equal(files, typed.Heredocs.Select(h => (h.Name, h.Content, h.Chomp)).ToArray());
        }
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}

internal static class HeredocCases
{
    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        var root = SharedData.Root;
        var path = root is null ? null : Path.Combine(root, "testdata/buildkit-heredoc/cases.json");
        if (path is null || !File.Exists(path))
            return [];
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    });

    public static IEnumerable<JsonElement> Load(string kind) => All.Value.Where(e => e.GetProperty("kind").GetString() == kind);

    public static JsonElement Get(string name)
    {
        SharedData.Require("testdata/buildkit-heredoc/cases.json");
        return All.Value.Single(e => e.GetProperty("name").GetString() == name);
    }
}
