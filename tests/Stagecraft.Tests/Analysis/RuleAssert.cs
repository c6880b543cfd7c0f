using System.Text;
using Stagecraft.Analysis;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Tests.Analysis;

/// <summary>
/// Checks one rule on a Dockerfile written with span markup: every <c>[|…|]</c> marks exactly one expected finding's
/// span (markup removed before parsing). No markup means the rule must stay quiet.
/// </summary>
internal static class RuleAssert
{
    public static IReadOnlyList<Finding> Lint(Rule rule, string dockerfile, BuildContext? context = null, LintConfiguration? configuration = null,
        BuildSettings? settings = null)
    {
        var tree = SyntaxTree.Parse(dockerfile);
        return new Linter([rule]).Lint(tree, "Dockerfile", context, configuration, settings);
    }

    /// <summary>Lints with several rules and a configuration.</summary>
    public static IReadOnlyList<Finding> LintWith(IReadOnlyList<Rule> rules, string dockerfile, LintConfiguration configuration) =>
        new Linter(rules).Lint(SyntaxTree.Parse(dockerfile), "Dockerfile", BuildContext.None, configuration);

    /// <summary>Asserts the rule reports exactly the marked spans and returns the findings (for message checks).</summary>
    public static IReadOnlyList<Finding> Marked(Rule rule, string markedDockerfile, BuildContext? context = null,
        LintConfiguration? configuration = null, BuildSettings? settings = null)
    {
        var (text, expected) = Unmark(markedDockerfile);
        var findings = Lint(rule, text, context, configuration, settings);
        var bytes = Encoding.UTF8.GetBytes(text);
        string Show(TextSpan span) => $"{span} \"{Encoding.UTF8.GetString(bytes, span.Start, span.Length)}\"";
        Assert.True(expected.SequenceEqual(findings.Select(f => f.Span)),
            $"expected [{string.Join(", ", expected.Select(Show))}]\n but got [{string.Join(", ", findings.Select(f => Show(f.Span) + " " + f.Message))}]");
        return findings;
    }

    public static void Quiet(Rule rule, string dockerfile, BuildContext? context = null, LintConfiguration? configuration = null,
        BuildSettings? settings = null)
    {
        var findings = Lint(rule, dockerfile, context, configuration, settings);
        Assert.True(findings.Count == 0, "expected no findings, got: " + string.Join("; ", findings.Select(f => $"{f.Line}:{f.Column} {f.Message}")));
    }

    /// <summary>Removes <c>[|</c> and <c>|]</c>, returning the text and the byte spans they marked, in order of start.</summary>
    public static (string Text, IReadOnlyList<TextSpan> Spans) Unmark(string marked)
    {
        var builder = new StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        var bytes = 0;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] == '[' && i + 1 < marked.Length && marked[i + 1] == '|')
            {
                open.Push(bytes);
                i++;
                continue;
            }
            if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == ']' && open.Count > 0)
            {
                var start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, bytes));
                i++;
                continue;
            }
            builder.Append(marked[i]);
            bytes += Encoding.UTF8.GetByteCount(marked.AsSpan(i, char.IsHighSurrogate(marked[i]) ? 2 : 1));
            if (char.IsHighSurrogate(marked[i]))
                builder.Append(marked[++i]);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (builder.ToString(), spans);
    }
}
