namespace Stagecraft.Analysis.ShellCheck;

/// <summary>Which of ShellCheck's dialects (<c>--shell</c>) reads a script run by a given shell.</summary>
internal static class ShellCheckDialect
{
    /// <summary>
    /// The dialect for a stage's SHELL (or a heredoc's shebang interpreter), or null when ShellCheck cannot read that shell:
    /// zsh, PowerShell, cmd and anything else it has no grammar for are left alone rather than checked as the wrong language.
    /// ShellCheck reads ash (and BusyBox's sh) as dash, as it does for an <c>#!/bin/ash</c> script.
    /// </summary>
    public static string? For(string interpreter)
    {
        var name = interpreter.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return name switch
        {
            "sh" => "sh",
            "bash" => "bash",
            "dash" or "ash" or "busybox" => "dash",
            "ksh" or "mksh" or "ksh93" => "ksh",
            _ => null,
        };
    }

    /// <summary>The dialect of a script whose first line may be a shebang (<c>#!/usr/bin/env bash</c> names bash).</summary>
    public static string? ForShebang(string firstLine)
    {
        var words = firstLine[2..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var interpreter = words[0].EndsWith("/env", StringComparison.Ordinal) && words.Length > 1 ? words[1] : words[0];
        return For(interpreter);
    }
}
