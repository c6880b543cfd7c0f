using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>STG259: <c>useradd</c> with a large UID that writes a huge sparse lastlog file into the layer.</summary>
public sealed class UseraddHighUidWithoutNoLogInit : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG259", "useradd-high-uid-without-no-log-init",
        "`useradd` with a large UID and without -l", Severity.Warning, RuleCategory.Size, ["DL3046"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`useradd -u UID` (ONBUILD RUNs included) with a UID of six digits or more, without `-l`/`--no-log-init`. A UID that comes from an ARG or ENV is filled in first; one the file does not settle is left alone.",
        WhyItMatters: "useradd records the new user in /var/log/lastlog and /var/log/faillog at an offset proportional to the UID. The files are sparse on disk, but image layers store them in full: a UID of 1000000000 adds hundreds of gigabytes of zeros to the layer, and the build may run out of space.",
        Bad: "RUN useradd -u 1000000 app",
        Good: "RUN useradd -l -u 1000000 app",
        FixSafety: "Safe: inserts `-l` after `useradd`; the only change is that the user gets no lastlog/faillog entries.");

    public override void Check(RuleContext context)
    {
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: true))
        {
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed("useradd") || command.HasOption("-l", "--no-log-init") || !HasLargeUid(context, run, command, out var uid))
                    continue;
                var name = script.ToFileSpan(command.NameWord!.Span);
                context.Report(script.ToFileSpan(written.Span),
                    $"`useradd -u {uid}` without -l writes a lastlog file as large as the UID into the layer: use `useradd -l`",
                    stage, new Fix("Add -l", FixSafety.Safe, [TextEdit.Insert(name.End, " -l")]));
            }
        }
    }

    private static bool HasLargeUid(RuleContext context, Syntax.InstructionSyntax run, Semantics.Shell.ShellCommand command, out string uid)
    {
        uid = "";
        var arguments = command.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value == "--")
                return false;
            Semantics.Shell.ShellWord? word = null;
            var inline = "";
            if ((value == "-u" || value == "--uid") && i + 1 < arguments.Count)
                word = arguments[i + 1];
            else if (value.StartsWith("--uid=", StringComparison.Ordinal))
                inline = value[6..];
            else if (value.Length > 2 && value.StartsWith("-u", StringComparison.Ordinal))
                inline = value[2..];
            else
                continue;
            var resolved = word is null ? inline : ShellWordValues.Resolve(context.Model, run, word);
            if (resolved is null || resolved.Length <= 5 || !resolved.All(char.IsAsciiDigit))
                return false;
            uid = resolved;
            return true;
        }
        return false;
    }
}
