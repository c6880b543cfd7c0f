using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics.Shell;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Size;

/// <summary>STG206: a local tar archive is COPYed and then unpacked by a RUN, where ADD unpacks it in one step.</summary>
public sealed class ArchiveCopiedThenExtracted : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG206", "archive-copied-then-extracted",
        "Archive copied with COPY and unpacked in a RUN", Severity.Info, RuleCategory.Size, ["DL3010"]);

    public override RuleDescriptor Descriptor => Id;

    // What ADD unpacks: tar, plain or compressed with gzip, bzip2, xz or zstd. Zip files and lone .gz files it copies as they are.
    private static readonly string[] TarSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tb2", ".tar.xz", ".txz", ".tar.zst", ".tzst"];
    private static readonly string[] Decompressors = ["gunzip", "bunzip2", "unxz", "zcat", "bzcat", "xzcat", "zstdcat", "unzstd"];
    private static readonly string[] TarValueOptions = ["-f", "--file", "-C", "--directory", "-T", "--files-from", "-X", "--exclude-from", "-b", "--blocking-factor",
        "-H", "--format", "-I", "--use-compress-program", "--owner", "--group", "--mode", "--mtime", "-K", "--starting-file", "-N", "--newer"];

    public override RuleExplanation Explanation { get; } = new(
        Flags: "A COPY from the build context (not `--from`) of a tar archive (`.tar`, `.tar.gz`/`.tgz`, `.tar.bz2`, `.tar.xz`, `.tar.zst` and their short forms) that a later RUN of the same stage unpacks whole with `tar -x` or a decompressor. Not reported when the unpacking is something ADD cannot do: `--strip-components`, `--exclude`, `--wildcards`, `--transform`, extracting to standard output, or naming only some members; zip files and single compressed files, which ADD does not unpack.",
        WhyItMatters: "The COPY keeps the archive in its own layer for good, even when the RUN deletes it afterwards, so the image carries the files twice: packed and unpacked. `ADD archive.tar.gz /dest/` unpacks in one layer and the archive never lands in the image.",
        Bad: "FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz",
        Good: "FROM debian:12-slim\nADD app.tar.gz /opt/",
        FixSafety: "No automatic fix: the destination directory and ownership have to be carried over by hand.");

    public override void Check(RuleContext context)
    {
        var copied = new Dictionary<string, (ArgumentSyntax Where, string Name)>(StringComparer.Ordinal);
        var reported = new HashSet<ArgumentSyntax>(ReferenceEqualityComparer.Instance);
        foreach (var stage in context.Model.Stages)
        {
            copied.Clear();
            foreach (var instruction in context.InstructionsWithTriggers(stage))
            {
                if (instruction is CopyInstructionSyntax { From: null } copy)
                    Remember(context, copy, copied);
                else if (copied.Count > 0 && instruction is RunInstructionSyntax run && context.Script(run) is { } script)
                {
                    foreach (var command in script.Script.Commands)
                    {
                        if (Unpacks(command.Unwrap(), copied) is { } archive && reported.Add(archive.Where))
                        {
                            var line = context.Tree.GetRange(script.ToFileSpan(command.Span)).Start.Line;
                            context.Report(archive.Where.Span,
                                $"`{archive.Name}` is copied here and unpacked by `{command.Unwrap().BaseName}` on line {line}: `ADD` unpacks it in one step and keeps the archive out of the image",
                                stage);
                        }
                    }
                }
            }
        }
    }

    private static void Remember(RuleContext context, CopyInstructionSyntax copy, Dictionary<string, (ArgumentSyntax, string)> copied)
    {
        if (copy.Destination is not { } destination)
            return;
        // File names are cut out only for archives: every COPY of every file comes here.
        var target = ExpandedValue.Of(context.Model, copy, destination.Value);
        if (IsTar(BaseNameSpan(target)))
        {
            var name = BaseName(target);
            copied[name] = (destination, name);
            return;
        }
        for (var i = 0; i < copy.PathSources.Count; i++)
        {
            var source = copy.PathSources[i];
            var path = ExpandedValue.Of(context.Model, copy, source.Value);
            if (!IsTar(BaseNameSpan(path)))
                continue;
            var name = BaseName(path);
            copied[name] = (source, name);
        }
    }

    /// <summary>The copied archive a command unpacks whole, or null.</summary>
    private static (ArgumentSyntax Where, string Name)? Unpacks(ShellCommand command, Dictionary<string, (ArgumentSyntax Where, string Name)> copied)
    {
        if (command.IsNamed(Decompressors) || (command.IsNamed("xz", "zstd", "gzip", "bzip2") && command.HasOption("-d", "--decompress")))
            return Named(command.PositionalArguments, copied);
        if (!command.IsNamed("tar"))
            return null;
        var operands = CommandOperands.Of(command, TarValueOptions);
        // Old style: `tar xzf archive` bundles the options into the first word.
        var bundled = operands.Count > 0 && command.Arguments[0] == operands[0] && IsBundled(operands[0].Value);
        if (!(bundled ? operands[0].Value.Contains('x') : command.HasOption("-x", "--extract", "--get"))
            || command.HasOption("--strip-components", "--exclude", "--wildcards", "--transform", "--xform", "-O", "--to-stdout", "--to-command"))
            return null;
        if (bundled)
            operands.RemoveAt(0);
        // The archive comes from --file/-f, or is the word after a cluster such as -xzf, which the operands then hold.
        var archive = command.GetOptionValue("-f", "--file") is { } file ? BaseName(file) : null;
        if (archive is null && operands.FindIndex(w => IsTar(BaseNameSpan(w.Value))) is var at and >= 0)
        {
            archive = BaseName(operands[at].Value);
            operands.RemoveAt(at);
        }
        // Naming members extracts only part of the archive, which ADD cannot.
        if (archive is null || operands.Count > 0)
            return null;
        return copied.TryGetValue(archive, out var found) ? found : null;
    }

    private static (ArgumentSyntax, string)? Named(IReadOnlyList<ShellWord> words, Dictionary<string, (ArgumentSyntax Where, string Name)> copied)
    {
        foreach (var word in words)
        {
            if (copied.TryGetValue(BaseName(word.Value), out var found))
                return found;
        }
        return null;
    }

    private static bool IsBundled(string word) => word.Length > 0 && word[0] != '-' && word.AsSpan().IndexOfAnyExcept("xzjJcvfpotkmwBGhiMlORsSW") < 0;

    private static bool IsTar(ReadOnlySpan<char> name)
    {
        foreach (var suffix in TarSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static string BaseName(string path) => BaseNameSpan(path).ToString();

    private static ReadOnlySpan<char> BaseNameSpan(string path)
    {
        var trimmed = path.AsSpan().Trim("\"'");
        return trimmed[(trimmed.LastIndexOfAny('/', '\\') + 1)..];
    }
}
