using System.Diagnostics;
using System.Text;
using Stagecraft.Semantics.Shell;
using Stagecraft.Tests.Support;
using static Stagecraft.Tests.Semantics.Shell.ShellTestHelpers;

namespace Stagecraft.Tests.Semantics.Shell;

/// <summary>The reader never throws, always ends, and keeps spans inside the input, whatever it is given.</summary>
[Collection(nameof(ShellStressCollection))]
public sealed partial class ShellRobustnessTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static readonly string[] Seeds =
    [
        "apt-get update && apt-get install -y --no-install-recommends a b && rm -rf /var/lib/apt/lists/*",
        "set -eux; curl -fsSL \"https://x/$(uname -m).tgz\" | tar -xz -C /usr/local && echo `date`",
        "if [ -n \"${X:-}\" ]; then for f in a b; do case $f in a) echo \"$f\";; *) :;; esac; done; fi",
        "f() { (cd /x && make) 2>&1 | tee log; } ; f <<'EOF'\nbody $x\nEOF\necho $'a\\tb' ${A:-${B}}",
        "while read -r l; do [[ $l == *x* && -n $l ]] && echo \"$l\"; done < <(ls) && (( n++ ))",
    ];

    [Fact]
    public void EveryRunBodyInTheCorpusReadsWithoutThrowingAndWithSpansInside()
    {
        var root = SharedData.Require("corpus/dockerfiles");
        var bodies = 0;
        var commands = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            foreach (var (body, _) in ExtractRunBodies(File.ReadAllLines(file)))
            {
                var script = ShellScript.Parse(body);
                AssertSpansInside(script);
                foreach (var command in script.Commands)
                    Assert.Equal(script.Text.Substring(command.Span.Start, command.Span.Length), command.Text);
                bodies++;
                commands += script.Commands.Count;
            }
        }
        Assert.True(bodies > 100, $"only {bodies} RUN bodies found under {root}");
        Assert.True(commands > bodies, $"{commands} commands in {bodies} RUN bodies");
    }

    [Fact]
    public void CorpusRunBodiesMostlyReadWithoutDiagnostics()
    {
        // Real Dockerfiles are valid shell, so diagnostics there point at reader gaps. The crude extraction keeps
        // `--mount` flags and cuts exec-form and heredoc RUNs oddly, so allow a small share.
        var root = SharedData.Require("corpus/dockerfiles");
        var total = 0;
        var flagged = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            // Windows images run PowerShell or cmd, which this reader does not claim to read.
            if (WindowsShellHint().IsMatch(File.ReadAllText(file)))
                continue;
            foreach (var (body, isHereDocBody) in ExtractRunBodies(File.ReadAllLines(file)))
            {
                if (isHereDocBody)
                    continue;
                total++;
                var script = ShellScript.Parse(body);
                if (script.HasDiagnostics)
                    flagged.Add($"{Path.GetFileName(file)}: {script.Diagnostics[0].Message} in: {body[..Math.Min(body.Length, 120)]}");
            }
        }
        Assert.True(total > 200, $"only {total} RUN bodies found");
        Assert.True(flagged.Count * 100 <= total, $"{flagged.Count} of {total} bodies have diagnostics:\n" + string.Join("\n", flagged.Take(40)));
    }

    [Fact]
    public void RandomMutationsOfRealScriptsNeverThrow()
    {
        var random = new Random(20240611);
        const string alphabet = "()[]{}<>|&;$`'\"\\#\n\t *?=!-:/~%^@0123456789abcEOF";
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 4000; i++)
        {
            var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits && text.Length > 0; e++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Length = at; // truncate
                        break;
                    case 1:
                        text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    case 2:
                        text.Remove(at, Math.Min(text.Length - at, random.Next(1, 8)));
                        break;
                    default:
                        var length = Math.Min(text.Length - at, random.Next(1, 20));
                        text.Insert(random.Next(text.Length), text.ToString(at, length));
                        break;
                }
            }
            var script = ShellScript.Parse(text.ToString());
            AssertSpansInside(script);
        }
        Assert.True(stopwatch.Elapsed < HangGuard, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void EveryPrefixOfARealScriptReads()
    {
        var text = string.Join("\n", Seeds);
        for (var length = 0; length <= text.Length; length++)
            AssertSpansInside(ShellScript.Parse(text[..length]));
    }

    [Fact]
    public void RandomCharactersNeverThrow()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 2000)];
            for (var k = 0; k < chars.Length; k++)
                chars[k] = (char)random.Next(0, 0x10000); // lone surrogates and NULs included
            AssertSpansInside(ShellScript.Parse(new string(chars)));
        }
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        AssertSpansInside(ShellScript.Parse(Encoding.Latin1.GetString(bytes)));
        AssertSpansInside(ShellScript.Parse(Encoding.UTF8.GetString(bytes)));
    }

    [Theory]
    [InlineData("(", 1_000_000)]
    [InlineData("( ", 500_000)]
    [InlineData(")", 1_000_000)]
    [InlineData("&&", 100_000)]
    [InlineData(" && ", 100_000)]
    [InlineData("a && ", 100_000)]
    [InlineData("$(", 300_000)]
    [InlineData("\"$(", 300_000)]
    [InlineData("${", 300_000)]
    [InlineData("`", 300_001)]
    [InlineData("'", 300_001)]
    [InlineData("\"", 300_001)]
    [InlineData("{ ", 300_000)]
    [InlineData("if ", 300_000)]
    [InlineData("if a; then ", 100_000)]
    [InlineData("while ", 300_000)]
    [InlineData("case x in ", 100_000)]
    [InlineData("f() ", 100_000)]
    [InlineData("cat <<EOF\n", 100_000)]
    [InlineData("cat <<EOF ", 100_000)]
    [InlineData("[[ ", 300_000)]
    [InlineData("$((", 300_000)]
    [InlineData("\\", 1_000_000)]
    [InlineData("\n", 1_000_000)]
    [InlineData(";;", 300_000)]
    [InlineData("x=(", 300_000)]
    [InlineData("<(", 300_000)]
    [InlineData("$'", 300_000)]
    [InlineData("${x:-\"", 200_000)]
    [InlineData("\"${x:-", 200_000)]
    [InlineData("((a) b)", 100_000)]
    [InlineData("(((x) y) z) ", 100_000)]
    public void PathologicalRepetitionsFinishQuickly(string unit, int count)
    {
        var text = string.Concat(Enumerable.Repeat(unit, count));
        var stopwatch = Stopwatch.StartNew();
        var script = ShellScript.Parse(text);
        stopwatch.Stop();
        AssertSpansInside(script);
        Assert.True(script.Diagnostics.Count <= 201, $"{script.Diagnostics.Count} diagnostics");
        Assert.True(stopwatch.Elapsed < HangGuard, $"{unit} x {count} took {stopwatch.Elapsed}");
    }

    [Fact]
    public void LongArithmeticLookingNestingThatIsNotArithmeticStaysLinear()
    {
        // `((…` that turns out to be nested subshells is rescanned once per level at most; past the depth limit it is skipped.
        const int n = 200_000;
        var text = new string('(', n) + new string(')', n - 2) + " )";
        var stopwatch = Stopwatch.StartNew();
        var script = ShellScript.Parse(text);
        stopwatch.Stop();
        AssertSpansInside(script);
        Assert.True(stopwatch.Elapsed < HangGuard, $"took {stopwatch.Elapsed}");
        var dollar = "$" + text;
        stopwatch.Restart();
        AssertSpansInside(ShellScript.Parse(dollar));
        Assert.True(stopwatch.Elapsed < HangGuard, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void TenMegabyteScriptReadsQuickly()
    {
        var builder = new StringBuilder();
        while (builder.Length < 10_000_000)
            builder.Append(Seeds[builder.Length % Seeds.Length]).Append('\n');
        var text = builder.ToString();
        var stopwatch = Stopwatch.StartNew();
        var script = ShellScript.Parse(text);
        stopwatch.Stop();
        Assert.True(script.Commands.Count > 100_000);
        Assert.True(stopwatch.Elapsed < HangGuard, $"took {stopwatch.Elapsed}");
        var last = script.Commands[^1];
        Assert.True(last.Span.End <= text.Length);
        Assert.True(script.GetLocation(last.Span.Start).Line > 10_000);
    }

    [Fact]
    public void DeepButReasonableNestingIsFollowedAndTooDeepIsDiagnosed()
    {
        var fifty = string.Concat(Enumerable.Repeat("( ", 50)) + "echo deep" + new string(')', 50);
        var script = ParseClean(fifty);
        Assert.Equal(50, script.Commands.Single().Depth);

        var tooDeep = ShellScript.Parse(string.Concat(Enumerable.Repeat("$(", 500)) + "echo x" + new string(')', 500));
        AssertSpansInside(tooDeep);
        Assert.Contains(tooDeep.Diagnostics, d => d.Kind == ShellDiagnosticKind.NestingTooDeep);
        Assert.True(tooDeep.Commands.Count <= ShellParser.MaxDepth + 1);
    }

    /// <summary>
    /// Joins each <c>RUN</c> line with its backslash continuations; when it opens a here-document, the body lines up to the
    /// delimiter are appended (as the shell would see them) and also returned alone, marked, since that body may be the script.
    /// </summary>
    private static IEnumerable<(string Text, bool IsHereDocBody)> ExtractRunBodies(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            if (!line.StartsWith("RUN ", StringComparison.OrdinalIgnoreCase))
                continue;
            var body = new StringBuilder(line[4..]);
            while (lines[i].TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                // Like BuildKit, drop comment and blank lines inside a continued instruction; the shell never sees them.
                while (i + 2 < lines.Length && (lines[i + 1].TrimStart().StartsWith('#') || lines[i + 1].Trim().Length == 0))
                    i++;
                body.Append('\n').Append(lines[++i]);
            }

            var match = HereDocMarker().Match(body.ToString());
            if (!match.Success)
            {
                yield return (body.ToString(), false);
                continue;
            }
            var delimiter = match.Groups[1].Value;
            var hereDoc = new StringBuilder();
            while (++i < lines.Length && lines[i].Trim() != delimiter)
                hereDoc.Append(lines[i]).Append('\n');
            body.Append('\n').Append(hereDoc).Append(delimiter);
            yield return (body.ToString(), false);
            yield return (hereDoc.ToString(), true);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?i)escape=`|powershell|pwsh|nanoserver|servercore|windows|cmd /")]
    private static partial System.Text.RegularExpressions.Regex WindowsShellHint();

    [System.Text.RegularExpressions.GeneratedRegex("<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial System.Text.RegularExpressions.Regex HereDocMarker();
}
