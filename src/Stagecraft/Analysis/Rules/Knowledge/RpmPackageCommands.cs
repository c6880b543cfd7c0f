using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Knowledge;

/// <summary>
/// How yum, dnf, microdnf and zypper command lines read: the subcommand (past global options and their values), the
/// words after it, and what counts as a version pin for each.
/// </summary>
internal static class RpmPackageCommands
{
    private static readonly string[] YumValueOptions = ["--enablerepo", "--disablerepo", "--setopt", "--installroot", "--releasever", "-c", "--config",
        "--repo", "--repoid", "--repofrompath", "-x", "--exclude", "-d", "--debuglevel", "-e", "--errorlevel", "-R", "--randomwait", "--downloaddir",
        "--destdir", "--forcearch"];

    private static readonly string[] ZypperValueOptions = ["-c", "--config", "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir",
        "--solv-cache-dir", "--pkg-cache-dir", "-r", "--repo", "--from", "-t", "--type"];

    /// <summary>
    /// The words of a yum/dnf/microdnf/zypper command that are not options or option values: the subcommand first
    /// (<c>install</c>, or <c>module</c> then <c>install</c>), then its operands. Empty for other commands.
    /// </summary>
    public static List<ShellWord> Operands(ShellCommand command)
    {
        var valueOptions = command.BaseName switch
        {
            "yum" or "dnf" or "microdnf" => YumValueOptions,
            "zypper" => ZypperValueOptions,
            _ => null,
        };
        var result = new List<ShellWord>();
        if (valueOptions is null)
            return result;
        var arguments = command.Arguments;
        var afterDoubleDash = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (!afterDoubleDash && value.Length > 1 && value[0] == '-')
            {
                if (value == "--")
                    afterDoubleDash = true;
                else if (Array.IndexOf(valueOptions, value) >= 0)
                    i++;
                continue;
            }
            result.Add(arguments[i]);
        }
        return result;
    }

    /// <summary>
    /// The index in <paramref name="operands"/> of the install word (<c>install</c>, <c>groupinstall</c>, …, or the
    /// <c>install</c> of <c>group install</c> / <c>module install</c>), or -1.
    /// </summary>
    public static int InstallWord(List<ShellWord> operands, ReadOnlySpan<string> verbs)
    {
        if (operands.Count == 0)
            return -1;
        foreach (var verb in verbs)
        {
            if (operands[0].Value == verb)
                return 0;
        }
        return operands.Count > 1 && operands[0].Value is "group" or "groups" or "module" && operands[1].Value == "install" ? 1 : -1;
    }

    /// <summary>True when the package manager is told to answer yes: -y, --assumeyes, or <c>--setopt=assumeyes=1</c>.</summary>
    public static bool AssumesYes(ShellCommand command)
    {
        if (command.HasOption("-y", "--assumeyes"))
            return true;
        foreach (var argument in command.Arguments)
        {
            if (argument.Value.StartsWith("--setopt=assumeyes=", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>True when the command reads its answers from <c>yes |</c>.</summary>
    public static bool IsFedByYes(ShellCommand written) =>
        written.Previous is { Connector: ShellOperator.Pipe } previous && previous.Unwrap().IsNamed("yes");

    /// <summary>
    /// True for operands that are not repository package names, so a version pin does not apply: rpm files, paths and
    /// URLs, <c>@group</c>s and capabilities such as <c>'dnf-command(config-manager)'</c>.
    /// </summary>
    public static bool IsNotAPackageName(string operand) =>
        operand.Length == 0 || operand.EndsWith(".rpm", StringComparison.OrdinalIgnoreCase) || operand.Contains('/') || operand[0] == '@' || operand.Contains('(');

    /// <summary>
    /// yum and dnf pin as <c>name-version[-release]</c>: after the first dash, every part is made of version characters and
    /// one starts with a digit (<c>httpd-2.4.6</c>, <c>nodejs-1:16.14.0-1.el8</c>); a module needs a stream (<c>nodejs:18</c>).
    /// </summary>
    public static bool HasRpmVersion(string package, bool module)
    {
        if (module)
            return package.Contains(':');
        var dash = package.IndexOf('-');
        if (dash < 0)
            return false;
        var digitStart = false;
        var partStart = true;
        for (var i = dash + 1; i < package.Length; i++)
        {
            var c = package[i];
            if (c == '-')
            {
                partStart = true;
                continue;
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '~' or '^' or '_' or ':' or '+'))
                return false;
            if (partStart && char.IsAsciiDigit(c))
                digitStart = true;
            partStart = false;
        }
        return digitStart;
    }

    /// <summary>zypper pins with a relation: <c>curl=7.79.1</c>, <c>'curl&gt;=7.79'</c>.</summary>
    public static bool HasZypperVersion(string package) => package.AsSpan().IndexOfAny('=', '<', '>') > 0;

    /// <summary>
    /// The packages of an install that carry no version, as the shell will see them (ARG and ENV values filled in; a
    /// word that depends on an unset variable counts as pinned, since the build supplies it).
    /// </summary>
    public static List<string> Unpinned(SemanticModel model, InstructionSyntax at, List<ShellWord> operands, int install, bool zypper)
    {
        var module = install == 1 && operands[0].Value == "module";
        var result = new List<string>();
        for (var i = install + 1; i < operands.Count; i++)
        {
            if (ShellWordValues.Resolve(model, at, operands[i]) is not { } package || IsNotAPackageName(package))
                continue;
            if (!(zypper ? HasZypperVersion(package) : HasRpmVersion(package, module)))
                result.Add(package);
        }
        return result;
    }

    /// <summary><c>`a`</c>, <c>`a` and `b`</c>, or <c>`a`, `b`, `c` and 4 more</c>.</summary>
    public static string Names(List<string> packages)
    {
        var shown = packages.Count > 4 ? 3 : packages.Count;
        var text = string.Join(", ", packages.Take(shown - (shown == packages.Count && shown > 1 ? 1 : 0)).Select(p => "`" + p + "`"));
        if (packages.Count > shown)
            return $"{text} and {packages.Count - shown} more";
        return shown == 1 ? text : $"{text} and `{packages[shown - 1]}`";
    }
}
