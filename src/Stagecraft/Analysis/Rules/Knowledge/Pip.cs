using Stagecraft.Semantics.Shell;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>How pip is called: <c>pip</c>, <c>pip3</c>, <c>pip3.12</c>, <c>pipx</c> or <c>python3 -m pip</c>, and its operands.</summary>
internal static class Pip
{
    /// <summary>pip options (global and install) whose value may be written as the next word.</summary>
    private static readonly string[] ValueOptions =
    [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--platform", "--python-version", "--implementation",
        "--abi", "--root", "--prefix", "--src", "--upgrade-strategy", "-C", "--config-settings", "--global-option", "--no-binary", "--only-binary",
        "--progress-bar", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--report", "--root-user-action", "--group", "-b", "--build",
        "--cache-dir", "--log", "--proxy", "--timeout", "--retries", "--exists-action", "--trusted-host", "--cert", "--client-cert", "--python",
        "--pip-args", "--suffix",
    ];

    /// <summary>The operands of a pip command (the verb first), or null when the command is not pip.</summary>
    public static List<ShellWord>? Operands(ShellCommand effective)
    {
        if (effective.BaseName is not { } name)
            return null;
        if (name.StartsWith("pip", StringComparison.Ordinal)
            && (name.Length == 3 || name == "pipx" || name.AsSpan(3).IndexOfAnyExcept("0123456789.") < 0))
            return CommandOperands.Of(effective, ValueOptions);
        if (name.StartsWith("python", StringComparison.Ordinal) && effective.Words is [_, { Value: "-m" }, { Value: "pip" }, ..])
            return CommandOperands.Of(effective, ValueOptions, start: 3);
        return null;
    }
}
