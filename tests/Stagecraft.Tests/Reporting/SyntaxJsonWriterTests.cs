using System.Text.Json;
using Stagecraft.Reporting.SyntaxJson;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Reporting;

/// <summary>The parse JSON: typed parts per instruction, nulls left out, readable text, and every corpus file maps.</summary>
public class SyntaxJsonWriterTests
{
    [Fact]
    public void Onbuild_trigger_is_an_instruction_node_with_its_own_positions()
    {
        var root = Write("FROM a\nONBUILD COPY --link x /y\n");

        var trigger = root.GetProperty("nodes")[1].GetProperty("trigger");

        Assert.Equal("instruction", trigger.GetProperty("kind").GetString());
        Assert.Equal("copy", trigger.GetProperty("instruction").GetString());
        Assert.Equal(9, trigger.GetProperty("keywordSpan").GetProperty("start").GetProperty("column").GetInt32());
        Assert.Equal("/y", trigger.GetProperty("destination").GetProperty("value").GetString());
    }

    [Fact]
    public void Bare_flag_has_no_value_property()
    {
        var root = Write("FROM a\nCOPY --link x /y\n");

        var flag = root.GetProperty("nodes")[1].GetProperty("flags")[0];

        Assert.Equal("link", flag.GetProperty("name").GetString());
        Assert.False(flag.TryGetProperty("value", out _));
    }

    [Fact]
    public void Heredoc_has_its_marker_body_and_terminator()
    {
        var root = Write("FROM a\nRUN <<-'EOF' sh\n\techo hi\nEOF\n");

        var heredoc = root.GetProperty("nodes")[1].GetProperty("heredocs")[0];

        Assert.Equal("EOF", heredoc.GetProperty("name").GetString());
        Assert.False(heredoc.GetProperty("expand").GetBoolean());
        Assert.True(heredoc.GetProperty("chomp").GetBoolean());
        Assert.True(heredoc.GetProperty("terminated").GetBoolean());
        Assert.Equal("\techo hi\n", heredoc.GetProperty("content").GetString());
        Assert.Equal(3, heredoc.GetProperty("bodySpan").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(4, heredoc.GetProperty("terminatorSpan").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public void Typed_parts_of_env_arg_healthcheck_and_user()
    {
        var nodes = Write("FROM a\nENV A=1 B=\"x y\"\nARG V=2 W\nHEALTHCHECK --interval=1m30s CMD true\nUSER app:staff\n")
            .GetProperty("nodes");

        Assert.Equal("\"x y\"", nodes[1].GetProperty("pairs")[1].GetProperty("value").GetString());
        Assert.Equal("2", nodes[2].GetProperty("declarations")[0].GetProperty("defaultValue").GetString());
        Assert.False(nodes[2].GetProperty("declarations")[1].TryGetProperty("defaultValue", out _));
        Assert.Equal(90, nodes[3].GetProperty("healthcheck").GetProperty("intervalSeconds").GetDouble());
        Assert.Equal("staff", nodes[4].GetProperty("group").GetString());
    }

    [Fact]
    public void Shell_text_is_written_without_html_escapes()
    {
        var json = SyntaxJsonWriter.ToJson(SyntaxTree.Parse("FROM a\nRUN a && b > c <<EOF\nx\nEOF\n"));

        Assert.Contains("\"argumentsText\": \"a && b > c <<EOF\"", json);
    }

    [Fact]
    public void Every_corpus_file_maps_to_json_that_parses_back()
    {
        var corpus = SharedData.Require("corpus/dockerfiles");
        var files = Directory.GetFiles(corpus, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var tree = SyntaxTree.Parse(File.ReadAllBytes(file), file);
            using var json = JsonDocument.Parse(SyntaxJsonWriter.ToJson(tree));
            Assert.Equal(tree.Root.Children.Count, json.RootElement.GetProperty("nodes").GetArrayLength());
        }
    }

    private static JsonElement Write(string text) =>
        JsonDocument.Parse(SyntaxJsonWriter.ToJson(SyntaxTree.Parse(text))).RootElement.Clone();
}
