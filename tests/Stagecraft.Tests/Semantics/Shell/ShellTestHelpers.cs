using Stagecraft.Semantics.Shell;

namespace Stagecraft.Tests.Semantics.Shell;

/// <summary>Shared checks for the shell reader tests.</summary>
internal static class ShellTestHelpers
{
    /// <summary>Parses a script that must read without diagnostics, and checks every span lies inside it.</summary>
    public static ShellScript ParseClean(string text)
    {
        var script = ShellScript.Parse(text);
        Assert.True(script.Diagnostics.Count == 0, "unexpected diagnostics: " + string.Join("; ", script.Diagnostics));
        AssertSpansInside(script);
        return script;
    }

    /// <summary>Asserts every command, word, assignment and redirection span lies inside the text, and that no internal error happened.</summary>
    public static void AssertSpansInside(ShellScript script)
    {
        var length = script.Text.Length;
        foreach (var diagnostic in script.Diagnostics)
        {
            Assert.NotEqual(ShellDiagnosticKind.InternalError, diagnostic.Kind);
            Assert.InRange(diagnostic.Span.Start, 0, length);
            Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, length);
        }
        foreach (var command in script.Commands)
        {
            AssertInside(command.Span, length);
            foreach (var word in command.Words)
                Assert.True(command.Span.Contains(word.Span), $"word {word.Span} outside command {command.Span}");
            foreach (var assignment in command.Assignments)
                Assert.True(command.Span.Contains(assignment.Span), $"assignment {assignment.Span} outside command {command.Span}");
            foreach (var redirection in command.Redirections)
            {
                Assert.True(command.Span.Contains(redirection.Span), $"redirection {redirection.Span} outside command {command.Span}");
                if (redirection.HereDocBodySpan is { } body)
                    AssertInside(body, length);
            }
        }
    }

    /// <summary>The text a span covers.</summary>
    public static string At(this ShellScript script, ShellSpan span) => script.Text.Substring(span.Start, span.Length);

    /// <summary>The names of all commands, in order; a command without a name shows as <c>&lt;none&gt;</c>.</summary>
    public static string[] Names(this ShellScript script) => script.Commands.Select(c => c.Name ?? "<none>").ToArray();

    /// <summary>The argument values of a command.</summary>
    public static string[] Args(this ShellCommand command) => command.Arguments.Select(w => w.Value).ToArray();

    private static void AssertInside(ShellSpan span, int length)
    {
        Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= length, $"span {span} outside text of length {length}");
    }
}
