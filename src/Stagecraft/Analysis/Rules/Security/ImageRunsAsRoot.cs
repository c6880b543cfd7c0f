using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Semantics;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Security;

/// <summary>STG005: the container's process runs as root: the last USER is root, or no USER is set at all.</summary>
public sealed class ImageRunsAsRoot : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG005", "image-runs-as-root",
        "The image runs as root", Severity.Warning, RuleCategory.Security, ["DL3002"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "The user the image runs as, taken from the last USER of the final stage and the stages it is built FROM: a warning when it is `root` or `0` (DL3002) or when the image is built FROM scratch without a USER; info when there is no USER, the Dockerfile sets the command the image runs (an ENTRYPOINT or CMD that is more than a bare shell or interpreter such as `CMD [\"python3\"]`) and the base image is not one known to set a non-root user (distroless `:nonroot`, Chainguard, `nginx-unprivileged`, Bitnami, chiseled .NET, Red Hat S2I images). Base and tool images that set no command are left to the images built on them. USER values that only resolve at build time are not judged. Windows images, WebAssembly images (`ENTRYPOINT [\"app.wasm\"]`) and scratch images without ENTRYPOINT or CMD (build artifacts, nothing runs) are skipped.",
        WhyItMatters: "A process running as uid 0 that is compromised (or a path traversal in it) can write anywhere in the container, install tools, and is one kernel or runtime bug away from root on the host; many clusters (Kubernetes `runAsNonRoot`, OpenShift) refuse such images outright.",
        Bad: "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]",
        Good: "FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\nCMD [\"node\", \"server.js\"]",
        FixSafety: "Unsafe (applied only with `stagecraft fix --unsafe`, which prints the diff): adds `USER 65534:65534` (nobody) at the end of the final stage. Files the process writes, ports below 1024 and entrypoints that need root may break, and a named user of the image (`node`, `nginx`, `app`) is often the better choice, so check the result.");

    public override void Check(RuleContext context)
    {
        if (context.FinalStage is not { } final || HasWindowsStage(context.ImageStages))
            return;
        var imageCommand = ImageCommand.Of(context.ImageStages);
        if (imageCommand.IsWasm)
            return;
        if (StageChain.LastIn<UserInstructionSyntax>(context.ImageStages) is { } user)
        {
            if (user.Value is not { } written || context.Model.Expand(user, written.Value) is not { Succeeded: true, Unmatched.Count: 0 } expanded)
                return;
            if (expanded.Value.Split(':')[0].Trim() is "root" or "0")
            {
                context.Report(written.Span, $"the last USER is `{expanded.Value}`, so the container runs as root: switch to an unprivileged user after the steps that need root",
                    fix: Suggestion(context, final), aliases: ["DL3002"]);
            }
            return;
        }
        var root = context.ImageStages[^1];
        var span = TextSpan.FromBounds(final.From.KeywordSpan.Start, final.From.Image?.Span.End ?? final.From.KeywordSpan.End);
        if (root.Base.Kind == StageBaseKind.Scratch)
        {
            if (!imageCommand.IsSet)
                return; // nothing runs: an image of build artifacts
            context.Report(span, "no USER is set and the image is built FROM scratch, so its process runs as root (uid 0): add `USER 65534:65534` or another unprivileged uid",
                final, Suggestion(context, final), aliases: []);
            return;
        }
        if (root.Base.Kind != StageBaseKind.Image || ImageReference.Parse(root.Base.Reference) is not { } image || NonRootImages.IsKnown(image)
            || RunsApplication(imageCommand) is not { } command)
            return;
        context.Report(span, $"no USER is set in the final stage or the stages it is built on, so `{command}` runs as root unless `{image}` sets a user: add an unprivileged USER",
            final, Suggestion(context, final), Severity.Info, aliases: []);
    }

    private static readonly string[] BareCommands = ["sh", "bash", "ash", "zsh", "python", "python2", "python3", "node", "ruby", "irb", "php", "perl", "pwsh",
        "powershell", "java", "jshell", "iex", "erl", "ghci", "R", "julia", "go", "dotnet", "tini", "dumb-init"];

    /// <summary>
    /// The command the image runs when the Dockerfile sets one that is an application: not a bare shell or interpreter
    /// (<c>CMD ["python3"]</c>) behind at most an entrypoint script. Base and tool images that set none are left alone:
    /// what runs, and as whom, is decided by the images built on them.
    /// </summary>
    private static string? RunsApplication(ImageCommand imageCommand)
    {
        var (entrypoint, cmd) = imageCommand;
        static bool Bare(string[] words) => words.Length == 0 || (words.Length == 1 && BareCommands.Contains(Path.GetFileName(words[0])));
        var wrapper = entrypoint.Length == 0 || (entrypoint.Length == 1 && (entrypoint[0].Contains("entrypoint", StringComparison.OrdinalIgnoreCase) || Bare(entrypoint)));
        if (wrapper && Bare(cmd))
            return null;
        return string.Join(" ", wrapper ? cmd : entrypoint.Concat(cmd));
    }

    private static bool HasWindowsStage(ItemList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            if (stage.IsWindows)
                return true;
        }
        return false;
    }

    private static Fix Suggestion(RuleContext context, Stage final)
    {
        var last = final.Instructions.LastOrDefault() ?? (InstructionSyntax)final.From;
        // The instruction's bytes, not its decoded text: only its line ending matters here.
        var bytes = context.Tree.Source.GetBytes(last.Span);
        var newline = bytes.IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        return new Fix("Run as an unprivileged user (USER 65534:65534)", FixSafety.Unsafe,
            [TextEdit.Insert(last.Span.End, (bytes.Length > 0 && bytes[^1] == (byte)'\n' ? "" : newline) + "USER 65534:65534" + newline)]);
    }
}
