using System.Text;
using System.Text.Json;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary>What <c>stagecraft parse</c> writes on stdout in each format, from a file and from stdin.</summary>
public sealed class ParseFormatTests : IDisposable
{
    // Byte-order mark, CRLF endings, a continuation with a comment line inside it, a heredoc, no final newline.
    private static readonly byte[] Tricky =
    [
        0xEF, 0xBB, 0xBF,
        .. Encoding.UTF8.GetBytes(
            "FROM alpine AS build\r\n" +
            "RUN apk add \\\r\n" +
            "  # not part of the command: ünïcode\r\n" +
            "    curl\r\n" +
            "COPY <<EOF /etc/motd\r\n" +
            "hello\r\n" +
            "EOF\r\n" +
            "CMD [\"sh\"]"),
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Source_format_writes_the_file_back_byte_for_byte()
    {
        var path = _temp.Write("Dockerfile", Tricky);

        var result = CliRun.Run("parse", "--format", "source", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tricky, result.Output);
    }

    [Fact]
    public void Source_format_from_stdin_is_byte_exact()
    {
        var result = CliRun.WithInput(Tricky, "parse", "-f", "source", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tricky, result.Output);
    }

    [Fact]
    public void Buildkit_format_writes_buildkits_dump()
    {
        var path = _temp.Write("Dockerfile", Tricky);

        var result = CliRun.Run("parse", "--format", "buildkit", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("(from \"alpine\" \"AS\" \"build\")\n(run \"apk add     curl\")\n(copy \"<<EOF\" \"/etc/motd\")\n(cmd \"sh\")\n",
            result.OutputText);
    }

    [Fact]
    public void Json_is_the_default_and_gives_positions_of_an_instruction_and_its_flag()
    {
        // Line 1 has a two-byte 'ï', so on line 2 columns and byte offsets differ by one from line-start arithmetic.
        var path = _temp.Write("Dockerfile", "FROM alpïne AS b\nRUN --mount=type=cache,target=/root/.cache apk add curl\n");

        var result = CliRun.Run("parse", path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(path, root.GetProperty("path").GetString());

        var run = root.GetProperty("nodes")[1];
        Assert.Equal("instruction", run.GetProperty("kind").GetString());
        Assert.Equal("run", run.GetProperty("instruction").GetString());
        AssertPosition(run.GetProperty("keywordSpan").GetProperty("start"), line: 2, column: 1, offset: 18);
        AssertPosition(run.GetProperty("keywordSpan").GetProperty("end"), line: 2, column: 4, offset: 21);

        var flag = run.GetProperty("flags")[0];
        Assert.Equal("mount", flag.GetProperty("name").GetString());
        AssertPosition(flag.GetProperty("span").GetProperty("start"), line: 2, column: 5, offset: 22);
        AssertPosition(flag.GetProperty("span").GetProperty("end"), line: 2, column: 43, offset: 60);
        var mount = flag.GetProperty("mount");
        Assert.Equal("cache", mount.GetProperty("type").GetString());
        Assert.Equal("/root/.cache", mount.GetProperty("options")[1].GetProperty("value").GetString());

        var stage = root.GetProperty("nodes")[0].GetProperty("stageName");
        Assert.Equal("b", stage.GetProperty("value").GetString());
        AssertPosition(stage.GetProperty("span").GetProperty("end"), line: 1, column: 17, offset: 17);

        var stages = root.GetProperty("stages");
        Assert.Equal("alpïne", stages[0].GetProperty("baseReference").GetString());
        Assert.Equal("image", stages[0].GetProperty("base").GetString());
        Assert.Equal(0, root.GetProperty("targetStages")[0].GetInt32());
    }

    [Fact]
    public void Stdin_is_reported_under_a_dash()
    {
        var result = CliRun.WithInput(Encoding.UTF8.GetBytes("FROM alpine\nFOO\n"), "parse", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("-:2:1 unknown-instruction error: unknown instruction: FOO\n", result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("-", json.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public void Json_holds_every_node_and_diagnostic_even_when_there_are_errors()
    {
        var path = _temp.Write("Dockerfile", "# syntax=docker/dockerfile:1\n\n# note\nFROM alpine\nFOO\n");

        var result = CliRun.Run("parse", "--format", "json", path);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var kinds = json.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString());
        Assert.Equal(["directive", "blank", "comment", "instruction", "instruction"], kinds);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("unknown-instruction", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
    }

    private static void AssertPosition(JsonElement position, int line, int column, int offset)
    {
        Assert.Equal(line, position.GetProperty("line").GetInt32());
        Assert.Equal(column, position.GetProperty("column").GetInt32());
        Assert.Equal(offset, position.GetProperty("offset").GetInt32());
    }
}
