using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>How <c>apt-get install</c> is written: its operands, and the options that answer its questions.</summary>
internal static class AptGet
{
    /// <summary>apt-get options whose value may be written as the next word.</summary>
    private static readonly string[] ValueOptions = ["-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release", "--host-architecture"];

    /// <summary>The operands of an <c>apt-get install</c> (the verb first, then the packages), or null for any other command.</summary>
    public static List<ShellWord>? InstallOperands(ShellCommand effective)
    {
        if (!effective.IsNamed("apt-get"))
            return null;
        var operands = CommandOperands.Of(effective, ValueOptions);
        return operands.Count > 0 && operands[0].Value == "install" ? operands : null;
    }

    /// <summary>The operands of an <c>apt-get install</c> or an <c>apt install</c>, or null for any other command.</summary>
    public static List<ShellWord>? InstallOperandsOfAptOrAptGet(ShellCommand effective)
    {
        if (!effective.IsNamed("apt"))
            return InstallOperands(effective);
        var operands = CommandOperands.Of(effective, ValueOptions);
        return operands.Count > 0 && operands[0].Value == "install" ? operands : null;
    }

    /// <summary>From the start of the command to the end of its <c>install</c> word: where a missing option belongs.</summary>
    public static TextSpan CommandThroughVerb(RunScript script, ShellCommand written, ShellWord verb) =>
        TextSpan.FromBounds(script.ToFileSpan(written.Span).Start, script.ToFileSpan(verb.Span).End);

    /// <summary>Whether a <c>-o Name=value</c> (or <c>-oName=value</c>) word sets the apt option <paramref name="name"/>, to any value or to one of <paramref name="values"/>.</summary>
    public static bool SetsOption(ShellCommand command, string name, params ReadOnlySpan<string> values)
    {
        foreach (var word in command.Arguments)
        {
            // A word no longer than the name as written cannot hold `name=`; most words are package names, left unread.
            if (word.Span.Length <= name.Length)
                continue;
            var at = IndexOfSetting(word.Value, name);
            if (at < 0)
                continue;
            if (values.IsEmpty)
                return true;
            var value = word.Value.AsSpan(at + name.Length + 1).Trim('"');
            foreach (var accepted in values)
            {
                if (value.Equals(accepted, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Where <c>name=</c> first occurs in <paramref name="text"/>, ignoring case; -1 when it does not.</summary>
    private static int IndexOfSetting(string text, string name)
    {
        for (var from = 0; from + name.Length < text.Length;)
        {
            var found = text.AsSpan(from).IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
                return -1;
            var at = from + found;
            if (at + name.Length < text.Length && text[at + name.Length] == '=')
                return at;
            from = at + 1;
        }
        return -1;
    }
}
