using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Maintainability;

/// <summary>STG260: <c>wget</c> that fills the build log with its dot progress meter.</summary>
public sealed class WgetWithoutProgressOption : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG260", "wget-without-progress-option",
        "`wget` without a progress or quiet option", Severity.Info, RuleCategory.Maintainability, ["DL3047"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`wget` in a RUN (ONBUILD RUNs included) without `--progress=…`, `-q`/`--quiet`, `-nv`/`--no-verbose`, or a log file (`-o`, `-a`). Downloads of signature, key and checksum files only (`.asc`, `.sig`, `.sha256`, `SHASUMS256.txt`, …) are left alone: they print one line. So are stages built on Alpine or BusyBox that do not `apk add wget`: BusyBox's wget redraws one progress bar in place instead of printing dot lines, and has no `--progress` option (the remedy hadolint's DL3047 suggests there fails the build).",
        WhyItMatters: "Without a terminal, GNU wget prints its progress as rows of dots: one line per 50 KB by default, thousands of lines for a large download. Build logs become hard to read, and CI systems that cap log size cut off the lines that matter.",
        Bad: "RUN wget https://example.com/tool.tar.gz",
        Good: "RUN wget --progress=dot:giga https://example.com/tool.tar.gz",
        FixSafety: "Safe: inserts `--progress=dot:giga` after `wget` (one dot line per 32 MB); GNU wget has understood it for decades.");

    public override void Check(RuleContext context)
    {
        Semantics.Stage? stage = null;
        var busyBox = false;
        foreach (var (runStage, _, script, _) in RunScripts.Of(context, triggers: true))
        {
            if (!ReferenceEquals(runStage, stage))
                (stage, busyBox) = (runStage, BaseImageShell.IsBusyBox(runStage) && !InstallsGnuWget(context, runStage));
            if (busyBox)
                continue;
            foreach (var written in script.Script.Commands)
            {
                var command = written.Unwrap();
                if (!command.IsNamed("wget") || command.HasOption("--progress", "--quiet", "--no-verbose", "-nv", "--output-file", "--append-output") || HasQuietLetter(command)
                    || FetchesOnlySmallFiles(command))
                    continue;
                var name = script.ToFileSpan(command.NameWord!.Span);
                context.Report(script.ToFileSpan(written.Span),
                    "`wget` prints a line of progress dots for every 50 KB into the build log: add `--progress=dot:giga` (or `-q`)",
                    runStage, new Fix("Add --progress=dot:giga", FixSafety.Safe, [TextEdit.Insert(name.End, " --progress=dot:giga")]));
            }
        }
    }

    /// <summary>True when a RUN of the stage (or a stage below it) installs GNU wget with <c>apk add wget</c>.</summary>
    private static bool InstallsGnuWget(RuleContext context, Semantics.Stage stage)
    {
        foreach (var below in StageChain.Of(stage))
        {
            foreach (var instruction in below.Instructions)
            {
                if (instruction is not Syntax.RunInstructionSyntax run || context.Script(run) is not { } script)
                    continue;
                foreach (var command in script.Script.Commands)
                {
                    if (command.Unwrap() is { } apk && apk.IsNamed("apk") && apk.HasArgument("add") && apk.HasArgument("wget"))
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// True when a short-option cluster holds -q, -o or -a (<c>-qO-</c>, <c>-q</c>): read letter by letter up to the
    /// first option that takes a value, whose rest is that value.
    /// </summary>
    private static bool HasQuietLetter(Semantics.Shell.ShellCommand command)
    {
        foreach (var argument in command.Arguments)
        {
            var value = argument.Value;
            if (value == "--")
                return false;
            if (value.Length < 2 || value[0] != '-' || value[1] == '-' || value == "-nv")
                continue;
            for (var i = 1; i < value.Length && char.IsAsciiLetter(value[i]); i++)
            {
                if (value[i] is 'q' or 'o' or 'a')
                    return true;
                if (TakesValue.Contains(value[i]))
                    break;
            }
        }
        return false;
    }

    private const string TakesValue = "eiBtOTwQUPlARDIX";

    private static readonly string[] ValueOptions = ["-O", "-o", "-a", "-P", "-U", "-t", "-T", "-e", "-w", "-i", "-B", "-Q", "-l", "-A", "-R", "-D", "-I", "-X",
        "--header", "--user", "--password", "--user-agent", "--output-document", "--directory-prefix", "--tries", "--timeout", "--execute"];

    private static readonly string[] SmallFileEndings = [".asc", ".sig", ".sign", ".gpg", ".pub", ".key", ".sha1", ".sha256", ".sha512", ".md5",
        ".sha256sum", ".sha512sum"];

    /// <summary>
    /// True when every address the command fetches is a signature, key or checksum file (<c>wget -O go.tgz.asc "$url.asc"</c>):
    /// a few hundred bytes print one line of dots, so there is no log to bloat.
    /// </summary>
    private static bool FetchesOnlySmallFiles(Semantics.Shell.ShellCommand command)
    {
        var arguments = command.Arguments;
        var fetched = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = arguments[i].Value;
            if (value.StartsWith('-'))
            {
                if (Array.IndexOf(ValueOptions, value) >= 0)
                    i++;
                continue;
            }
            var path = value.Split('?', '#')[0];
            var name = path[(path.LastIndexOf('/') + 1)..];
            var small = name.Contains("shasums", StringComparison.OrdinalIgnoreCase) || name.Contains("checksums", StringComparison.OrdinalIgnoreCase);
            foreach (var ending in SmallFileEndings)
                small |= path.EndsWith(ending, StringComparison.OrdinalIgnoreCase);
            if (!small)
                return false;
            fetched++;
        }
        return fetched > 0;
    }
}
