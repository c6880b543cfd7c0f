using System.Text;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Semantics;

/// <summary>
/// The POSIX shell script a RUN executes (its shell-form text, or the heredoc body when the command line is only a
/// heredoc marker), read into shell commands on demand, with a map from script offsets back to the Dockerfile.
/// </summary>
public sealed class RunScript
{
    private static readonly string[] PosixShells = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"];
    private readonly Func<int, int> _toFile;
    private ShellScript? _script;

    private RunScript(RunInstructionSyntax run, string text, HeredocSyntax? heredoc, Func<int, int> toFile)
    {
        Run = run;
        Text = text;
        Heredoc = heredoc;
        _toFile = toFile;
    }

    public RunInstructionSyntax Run { get; }

    /// <summary>The script as the shell receives it.</summary>
    public string Text { get; }

    /// <summary>The heredoc whose body is the script, or null for shell-form text.</summary>
    public HeredocSyntax? Heredoc { get; }

    /// <summary>The script split into simple commands (parsed once, on first use).</summary>
    public ShellScript Script => _script ??= ShellScript.Parse(Text);

    /// <summary>The byte offset in the Dockerfile of a character offset in <see cref="Text"/>.</summary>
    public int ToFileOffset(int charOffset) => _toFile(Math.Clamp(charOffset, 0, Text.Length));

    public TextSpan ToFileSpan(ShellSpan span)
    {
        var start = ToFileOffset(span.Start);
        if (span.Length == 0)
            return new TextSpan(start, 0);
        return TextSpan.FromBounds(start, ToFileOffset(span.End - 1) + Encoding.UTF8.GetByteCount(Text.AsSpan(span.End - 1, 1)));
    }

    /// <summary>True when the shell is a POSIX shell we can read (not powershell or cmd).</summary>
    public static bool IsPosixShell(IReadOnlyList<string> shell)
    {
        if (shell.Count == 0)
            return false;
        var name = shell[0].Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return PosixShells.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    internal static RunScript? Create(RunInstructionSyntax run, IReadOnlyList<string> shell, char escape)
    {
        if (!run.IsShellForm || !IsPosixShell(shell))
            return null;
        if (run.Heredocs.Count == 1 && run.Heredocs[0].MarkerSpan == run.ArgumentsSpan)
        {
            var heredoc = run.Heredocs[0];
            var body = heredoc.ChompedContent;
            if (body.StartsWith("#!", StringComparison.Ordinal) && !IsPosixShebang(body))
                return null;
            return new RunScript(run, body, heredoc, BodyMap(heredoc, body));
        }
        var text = run.ArgumentsText;
        return new RunScript(run, text, null, ArgumentsMap(run, text));
    }

    private static bool IsPosixShebang(string body)
    {
        var line = body.AsSpan(2, (body.IndexOf('\n') is var nl and >= 0 ? nl : body.Length) - 2).Trim().ToString();
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return false;
        var interpreter = words[0].EndsWith("/env", StringComparison.Ordinal) && words.Length > 1 ? words[1] : words[0];
        return IsPosixShell([interpreter]);
    }

    /// <summary>Shell-form text comes from the logical line; walk it in UTF-8 bytes and let the instruction map those.</summary>
    private static Func<int, int> ArgumentsMap(RunInstructionSyntax run, string text)
    {
        if (Ascii.IsValid(text))
            return offset => run.MapArgumentsOffset(offset);
        var bytes = ByteOffsets(text);
        return offset => run.MapArgumentsOffset(bytes[offset]);
    }

    /// <summary>A heredoc body sits in the file as written; with &lt;&lt;- the stripped tabs are skipped over.</summary>
    private static Func<int, int> BodyMap(HeredocSyntax heredoc, string body)
    {
        var start = heredoc.BodySpan.Start;
        if (!heredoc.Chomp && Ascii.IsValid(body))
            return offset => start + offset;
        var raw = heredoc.Content;
        var map = new int[body.Length + 1];
        int rawIndex = 0, bodyIndex = 0, bytes = 0;
        var atLineStart = true;
        while (rawIndex < raw.Length)
        {
            var c = raw[rawIndex];
            if (!(heredoc.Chomp && atLineStart && c == '\t'))
            {
                if (bodyIndex < map.Length)
                    map[bodyIndex] = bytes;
                bodyIndex++;
                atLineStart = c == '\n';
            }
            bytes += char.IsHighSurrogate(c) ? 4 : char.IsLowSurrogate(c) ? 0 : Encoding.UTF8.GetByteCount([c]);
            rawIndex++;
        }
        if (bodyIndex < map.Length)
            map[bodyIndex] = bytes;
        return offset => start + map[Math.Min(offset, map.Length - 1)];
    }

    private static int[] ByteOffsets(string text)
    {
        var offsets = new int[text.Length + 1];
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            var c = text[i];
            bytes += char.IsHighSurrogate(c) ? 4 : char.IsLowSurrogate(c) ? 0 : Encoding.UTF8.GetByteCount([c]);
        }
        offsets[text.Length] = bytes;
        return offsets;
    }
}
