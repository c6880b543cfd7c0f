using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG283: a RUN with a pipe whose earlier commands can fail unnoticed, because pipefail is off.</summary>
public sealed class PipeWithoutPipefail : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG283", "pipe-without-pipefail",
        "Pipe in a RUN without `-o pipefail`", Severity.Warning, RuleCategory.Correctness, ["DL4006"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The first pipeline (`a | b`) of a RUN whose shell does not have pipefail on: neither the stage's SHELL has `-o pipefail` (`SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`) nor the script runs `set -o pipefail` (or `set -eo pipefail`, …) before it. Pipes fed only by `echo`, `printf`, `yes`, `true` or a `cat` of its own input (`echo \"$sha  file\" | sha256sum -c -`) cannot hide a failure and are left alone, and so are pipes into a command that fails on missing or cut-off input: a checksum check (`grep \" $file\\$\" SHASUMS256.txt | sha256sum -c -`), a key import (`gpg --import`, `apt-key add -`), decompression (`tar -xz`, `gunzip`) or a `grep` whose output is not kept (a check that fails when nothing matches); hadolint's DL4006 reports all of these. Pipes in the condition of an `if` or `while` decide a branch and are left alone too. Heredoc scripts are read like any other (a heredoc with its own `#!` line ignores SHELL and needs the `set`); exec-form RUNs, Windows stages and non-POSIX shells (PowerShell, cmd) are left alone, and so are ONBUILD RUNs, whose shell is the later build's.",
        WhyItMatters: "A pipeline's status is the status of its last command. In `curl -fsSL $URL | bash`, a failed download gives bash an empty or cut-off script, bash runs what it got and succeeds, and the build goes on to produce a broken image instead of stopping where the problem is.",
        Bad: "FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/install.sh | bash",
        Good: "FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/install.sh | bash",
        FixSafety: "Unsafe, offered on the first finding of a stage that has no SHELL yet: inserts `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN (`/bin/ash` on Alpine and BusyBox images), which covers the RUNs after it too. It needs that shell in the image, and Debian's /bin/sh (dash) has no pipefail, so `set -o pipefail` in a plain RUN is no alternative there.");

    public override void Check(RuleContext context)
    {
        Stage? fixedStage = null;
        foreach (var (stage, run, script, _) in RunScripts.Of(context, triggers: false))
        {
            var shellHasPipefail = script.Heredoc is null || !script.Text.StartsWith("#!", StringComparison.Ordinal) ? HasPipefail(stage.ShellAt(run)) : false;
            if (shellHasPipefail || FirstUnguardedPipe(script.Script) is not { } first)
                continue;
            var last = first;
            for (var guard = 0; last.Next is { IsInPipeline: true } next && last.Connector is ShellOperator.Pipe or ShellOperator.PipeAll && guard < 1000; guard++)
                last = next;
            Fix? fix = null;
            if (!ReferenceEquals(fixedStage, stage) && !HasShell(stage))
            {
                fixedStage = stage;
                var shell = BaseImageShell.IsBusyBox(stage) ? "/bin/ash" : "/bin/bash";
                // Read in the file's bytes: decoding the whole RUN only to look for a line ending cost more than the rest of the rule.
                var newline = context.Tree.Source.GetBytes(run.Span).IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
                fix = new Fix("Set SHELL with -o pipefail", FixSafety.Unsafe,
                    [TextEdit.Insert(run.Span.Start, $"SHELL [\"{shell}\", \"-o\", \"pipefail\", \"-c\"]{newline}")]);
            }
            var from = first.Unwrap().BaseName ?? "the first command";
            context.Report(TextSpan.FromBounds(script.ToFileSpan(first.Span).Start, script.ToFileSpan(last.Span).End),
                $"if `{from}` fails, this pipe hides it (the RUN reports only the last command's status): set `-o pipefail` in SHELL or `set -o pipefail` first",
                stage, fix);
        }
    }

    private static bool HasShell(Stage stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is ShellInstructionSyntax)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The first command of the first pipeline that can hide a failure, with no <c>set -o pipefail</c> before it in the
    /// script; null when there is none.
    /// </summary>
    private static ShellCommand? FirstUnguardedPipe(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (command.IsNamed("set") && command.HasOption("-o") && command.HasArgument("pipefail"))
                return null;
            // In an if/while condition the status picks a branch (`if head -1 f | grep -q x`): nothing is hidden there.
            if (command.IsInPipeline && command.Connector is ShellOperator.Pipe or ShellOperator.PipeAll && (command.Context & ShellContext.Condition) == 0
                && command.Previous is not { Connector: ShellOperator.Pipe or ShellOperator.PipeAll } && CanHideFailure(command))
                return command;
        }
        return null;
    }

    /// <summary>
    /// True when a command that feeds the pipe can fail: <c>echo</c>, <c>printf</c>, <c>yes</c>, <c>true</c> and a
    /// <c>cat</c> of its own input only write text, so a pipe fed by them alone hides nothing.
    /// </summary>
    private static bool CanHideFailure(ShellCommand first)
    {
        var guard = 0;
        var canFail = false;
        var command = first;
        for (; command is { Connector: ShellOperator.Pipe or ShellOperator.PipeAll } && guard < 1000; command = command.Next, guard++)
        {
            var effective = command.Unwrap();
            canFail |= !(effective.IsNamed("echo", "printf", "yes", "true") || (effective.IsNamed("cat") && effective.PositionalArguments.Count == 0));
        }
        return canFail && !(command?.Unwrap() is { } last && RejectsMissingInput(last));
    }

    /// <summary>
    /// Commands that fail on missing or cut-off input, so a failure before them in the pipe still fails the RUN: checksum
    /// checks (<c>grep " $file\$" SHASUMS256.txt | sha256sum -c -</c>), key imports (<c>gpg --import</c>,
    /// <c>apt-key add</c>) and decompression (<c>tar -xz</c>, <c>gunzip</c>, <c>xz -d</c>), which check the end of their stream.
    /// </summary>
    private static bool RejectsMissingInput(ShellCommand command) => command.BaseName switch
    {
        "sha1sum" or "sha224sum" or "sha256sum" or "sha384sum" or "sha512sum" or "md5sum" or "b2sum" or "shasum" => command.HasOption("-c", "--check"),
        "gpg" or "gpg2" => command.HasOption("--import"),
        "apt-key" => command.HasArgument("add"),
        "gunzip" or "bunzip2" or "unxz" or "unzstd" or "zcat" or "xzcat" or "bzcat" or "zstdcat" => true,
        "gzip" or "bzip2" or "xz" or "zstd" => command.HasOption("-d", "--decompress"),
        "grep" or "egrep" or "fgrep" => IsCheck(command),
        "tar" => command.HasOption("-z", "-J", "-j", "--gzip", "--gunzip", "--xz", "--bzip2", "--zstd", "--lzma")
            || command.Arguments is [{ Value: var bundle }, ..] && !bundle.StartsWith('-') && bundle.AsSpan().IndexOfAny("zJj") >= 0,
        _ => false,
    };

    /// <summary>
    /// A grep whose output nobody keeps (<c>gpg --fingerprint $KEY | grep "$FINGERPRINT"</c>) is a check: it fails when
    /// nothing matches, so on missing input. One feeding a file or a variable keeps whatever part did arrive.
    /// </summary>
    private static bool IsCheck(ShellCommand grep)
    {
        if (grep.IsInSubstitution)
            return false;
        foreach (var redirection in grep.Redirections)
        {
            if (redirection.Operator is ShellRedirectionOperator.Output or ShellRedirectionOperator.Append or ShellRedirectionOperator.Clobber
                    or ShellRedirectionOperator.OutputAndError or ShellRedirectionOperator.AppendOutputAndError
                && redirection.EffectiveFileDescriptor == 1 && redirection.Target?.Value != "/dev/null")
                return false;
        }
        return true;
    }

    /// <summary>True for a SHELL like <c>["/bin/bash", "-o", "pipefail", "-c"]</c> or <c>["bash", "-euo", "pipefail", "-c"]</c>.</summary>
    private static bool HasPipefail(IReadOnlyList<string> shell)
    {
        for (var i = 1; i < shell.Count; i++)
        {
            if (shell[i] == "pipefail" && shell[i - 1].Length > 1 && shell[i - 1][0] == '-' && shell[i - 1][^1] == 'o')
                return true;
        }
        return false;
    }
}
