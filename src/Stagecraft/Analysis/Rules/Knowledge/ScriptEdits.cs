using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>Places in a RUN's script where a fix can add or remove a command without changing what else runs.</summary>
internal static class ScriptEdits
{
    private static readonly string[] ClosingWords = ["fi", "done", "esac", "}", ")", ";;"];

    /// <summary>
    /// The file offset after which <c> &amp;&amp; command</c> runs once everything else in the RUN has: just after the last
    /// command, or after the keywords that close the compound command it sits in. Null when the script could not be read
    /// cleanly, ends in a background job, or anything else (a comment) follows the last command.
    /// </summary>
    public static int? AppendOffset(RunScript run)
    {
        var script = run.Script;
        if (script.HasDiagnostics || script.Commands.Count == 0)
            return null;
        var last = script.Commands.MaxBy(c => c.Span.End)!;
        if (last.IsBackground)
            return null;
        var text = script.Text;
        var end = last.Span.End;
        var position = end;
        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c) || c == '\\' || c == ';')
            {
                position++;
                continue;
            }
            var word = ClosingWords.FirstOrDefault(w => string.CompareOrdinal(text, position, w, 0, w.Length) == 0
                && (position + w.Length == text.Length || !char.IsAsciiLetterOrDigit(text[position + w.Length])));
            if (word is null)
                return null;
            position += word.Length;
            end = position;
        }
        return run.ToFileSpan(new ShellSpan(0, end)).End;
    }

    /// <summary>
    /// The script span that removes <paramref name="command"/> from the front of a list (the command and the <c>&amp;&amp;</c>,
    /// <c>;</c> or newline after it), or the whole script when it is the only command. Null when it is not a top-level first command.
    /// </summary>
    public static ShellSpan? RemovableLeadingCommand(ShellScript script, ShellCommand command)
    {
        if (script.HasDiagnostics || command.Depth != 0 || command.Previous is not null || command.IsInPipeline)
            return null;
        var others = script.Commands.Where(c => !ReferenceEquals(c, command) && c.Span.Start < command.Span.Start).Any();
        if (others)
            return null;
        if (script.Commands.Count == 1)
            return new ShellSpan(0, script.Text.Length);
        if (command.Connector is not (ShellOperator.And or ShellOperator.Semicolon or ShellOperator.Newline) || command.Next is not { } next)
            return null;
        return new ShellSpan(command.Span.Start, next.Span.Start - command.Span.Start);
    }
}
