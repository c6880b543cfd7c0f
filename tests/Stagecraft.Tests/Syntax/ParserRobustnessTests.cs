using System.Diagnostics;
using System.Text;
using Stagecraft.Semantics;
using Stagecraft.Syntax;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Syntax;

/// <summary>
/// Hostile and mutated input never throws, never hangs, and still prints back byte for byte.
/// The time limits here only catch hangs; speed is measured in bench/.
/// </summary>
public class ParserRobustnessTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static void AssertSurvives(byte[] input, string what)
    {
        var watch = Stopwatch.StartNew();
        var tree = SyntaxTree.Parse(input);
        SemanticModel.Build(tree);
        watch.Stop();
        Assert.True(watch.Elapsed < HangGuard, $"{what}: took {watch.Elapsed}");
        Assert.True(tree.ToBytes().AsSpan().SequenceEqual(input), $"{what}: does not round-trip");
        Assert.Null(TreeInvariants.Check(tree));
    }

    public static TheoryData<string> Edge_inputs() => new()
    {
        "",
        "\n",
        "\uFEFF",
        "\\",
        "FROM a\n  \\\n# c\n",
        "\\\n",
        "FROM",
        "RUN <<",
        "RUN <<EOF",
        "RUN <<EOF\n",
        "RUN <<'EOF\nbody\nEOF\n",
        "RUN [\"unterminated",
        "RUN [[[[[[[[[[[[[[[",
        "CMD [\"a\", [\"nested\"]]",
        "ENV",
        "ENV a",
        "ENV a=b c",
        "LABEL \"unbalanced=x",
        "ONBUILD",
        "ONBUILD ONBUILD RUN x",
        "ONBUILD RUN <<EOF\nonbuild body\nEOF\n",
        "# escape=`\nRUN a `\n b",
        "# escape=x\nFROM a",
        "# syntax=a\n# syntax=b\nFROM a",
        "FROM a\r\nRUN b \\\r\n  c\r\n",
        "FROM a\rRUN b\r",
        "\t \u00a0FROM\u00a0a",
        "RUN --mount=type=cache,target=\"/a b\" --network=none \\\n --security=insecure echo",
        "HEALTHCHECK --interval=bogus CMD true",
        "COPY <<A <<B <<C /dst\na\nA\nb\nB\nc\nC\n",
        "RUN <<EOF\n<<X\nnot a terminator <<Y\nEOF\n",
        "FROM a AS b AS c",
        "run echo \"'",
    };

    [Theory]
    [MemberData(nameof(Edge_inputs))]
    public void Edge_input_survives(string text) => AssertSurvives(Encoding.UTF8.GetBytes(text), Escape(text));

    [Fact]
    public void Invalid_utf8_and_control_bytes_survive_and_are_reported()
    {
        byte[] input = [.. "FROM a\nRUN echo "u8, 0xFF, 0xC3, 0x28, 0x80, .. "\n"u8, 0x01, 0x7F, .. "\n"u8];
        AssertSurvives(input, "invalid UTF-8");
        var tree = SyntaxTree.Parse(input);
        var first = tree.Diagnostics.First(d => d.Code == "invalid-utf8");
        Assert.Equal(DiagnosticSeverity.Warning, first.Severity);
        Assert.Equal(new SourcePosition(2, 10, 16), tree.GetPosition(first.Span.Start));
        Assert.Equal(3, tree.Diagnostics.Count(d => d.Code == "invalid-utf8"));
    }

    [Fact]
    public void A_ten_megabyte_line_survives()
    {
        var text = "FROM a\nRUN " + new string('x', 5_000_000) + " " + string.Concat(Enumerable.Repeat("&& y ", 1_000_000)) + "\n";
        AssertSurvives(Encoding.UTF8.GetBytes(text), "10 MB line");
    }

    [Fact]
    public void A_hundred_thousand_continuation_lines_survive()
    {
        var builder = new StringBuilder("FROM a\nRUN true");
        for (var i = 0; i < 100_000; i++)
            builder.Append(i % 7 == 0 ? " \\\n# comment\n" : i % 11 == 0 ? " \\\n\n" : " \\\n  && echo ").Append(i);
        builder.Append('\n');
        AssertSurvives(Encoding.UTF8.GetBytes(builder.ToString()), "100k continuations");
    }

    [Fact]
    public void Many_heredocs_on_one_instruction_survive()
    {
        var builder = new StringBuilder("FROM a\nCOPY");
        for (var i = 0; i < 2_000; i++)
            builder.Append(" <<H").Append(i);
        builder.Append(" /dst\n");
        for (var i = 0; i < 2_000; i++)
            builder.Append("line <<X").Append(i).Append("\nH").Append(i).Append('\n');
        var tree = SyntaxTree.Parse(builder.ToString());
        Assert.Equal(2_000, tree.Root.Instructions[1].Heredocs.Count);
        AssertSurvives(Encoding.UTF8.GetBytes(builder.ToString()), "2000 heredocs");
    }

    [Fact]
    public void Mutated_corpus_files_survive()
    {
        var files = CorpusFiles.Dockerfiles();
        var random = new Random(20261128);
        byte[] noise = "\\`'\"[]{}<<EOF\n\r\t #=$-".Select(c => (byte)c).ToArray();
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            for (var round = 0; round < 4; round++)
            {
                var mutated = round switch
                {
                    0 => original[..random.Next(original.Length + 1)],
                    1 => Insert(original, random, () => (byte)random.Next(256), 8),
                    2 => Insert(original, random, () => noise[random.Next(noise.Length)], 12),
                    _ => Delete(original, random, 8),
                };
                AssertSurvives(mutated, $"{Path.GetFileName(file)} round {round}");
            }
        }
    }

    private static byte[] Insert(byte[] input, Random random, Func<byte> next, int count)
    {
        var list = new List<byte>(input);
        for (var i = 0; i < count; i++)
            list.Insert(random.Next(list.Count + 1), next());
        return [.. list];
    }

    private static byte[] Delete(byte[] input, Random random, int count)
    {
        var list = new List<byte>(input);
        for (var i = 0; i < count && list.Count > 0; i++)
            list.RemoveAt(random.Next(list.Count));
        return [.. list];
    }

    private static string Escape(string text) => text.Replace("\n", "\\n").Replace("\r", "\\r");
}
