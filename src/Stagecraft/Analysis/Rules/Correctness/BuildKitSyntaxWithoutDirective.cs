using System.Globalization;
using Stagecraft.Syntax;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>
/// Dockerfile syntax that only newer BuildKit frontends understand, in a file that does not ask for one with
/// <c># syntax=</c> (or pins one that is too old): the build then depends on the frontend the builder happens to bundle.
/// </summary>
public sealed class BuildKitSyntaxWithoutDirective : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG018", "buildkit-syntax-without-directive",
        "BuildKit-only syntax without a `# syntax=` directive that provides it", Severity.Warning, RuleCategory.Correctness);

    private const string Directive = "docker/dockerfile:1";

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "Flags and forms that need a BuildKit Dockerfile frontend (RUN --mount, --network, --security, --device; heredocs; COPY/ADD --link, --exclude; COPY --parents; ADD --checksum, --keep-git-dir, --unpack) when the file has no `# syntax=` directive, or when its directive pins a version older than the feature. One finding per file, at the first use of the newest feature.",
        WhyItMatters: "Without a directive the builder's bundled frontend parses the file. Docker Engine 23.0 and later build with BuildKit by default, and their frontend (Dockerfile 1.5 or newer) knows RUN --mount (1.2), --network (1.3), heredocs and --link (1.4), so those are reported as info: they still fail on the legacy builder (DOCKER_BUILDKIT=0) and older engines. Newer features are a warning, because many engines in use bundle a frontend without them and the build stops with `unknown flag`: ADD --checksum and Git sources (stable in 1.6), ADD --unpack (1.17), --exclude (1.19), COPY --parents and RUN --security (1.20), RUN --device (1.27). `# syntax=docker/dockerfile:1` fetches the newest 1.x frontend whatever the engine.",
        Bad: "FROM node:22-slim\nCOPY --parents packages/*/package.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci",
        Good: "# syntax=docker/dockerfile:1\nFROM node:22-slim\nCOPY --parents packages/*/package.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci",
        FixSafety: "Safe: inserts `# syntax=docker/dockerfile:1` as the first line (after a byte-order mark), which only selects the frontend that parses the file. The builder then pulls docker/dockerfile:1 from Docker Hub, so air-gapped builders need that image mirrored. When a directive pins a version too old for a feature, the fix replaces it with `docker/dockerfile:1` and is unsafe, since a newer frontend may parse other lines differently.");

    public override void Check(RuleContext context)
    {
        if (Features(context.Tree) is not { } uses)
            return;
        var directive = context.Tree.Root.GetDirective("syntax");
        int? pinned = null;
        if (directive is not null)
        {
            pinned = PinnedMinor(directive.Value);
            if (pinned is null)
                return; // docker/dockerfile:1, a -labs channel, or a frontend we do not know: trust it
            uses.RemoveAll(u => u.MinVersion <= pinned);
            if (uses.Count == 0)
                return;
        }
        var newest = uses.MaxBy(u => u.MinVersion)!;
        var names = string.Join(", ", uses.Select(u => u.Name).Distinct().Select(n => $"{n} ({Version(uses.First(u => u.Name == n).MinVersion)}+)"));
        if (directive is null)
        {
            var need = uses.Select(u => u.Name).Distinct().Count() == 1 ? "needs" : "need";
            context.Report(newest.Span, $"{names} {need} a BuildKit frontend the builder may not bundle: add `# syntax={Directive}` as the first line",
                severity: uses.Any(u => u.MinVersion >= 5) ? Severity.Warning : Severity.Info,
                fix: new Fix($"Insert `# syntax={Directive}`", FixSafety.Safe,
                    [TextEdit.Insert(context.Tree.Source.ByteOrderMarkLength, $"# syntax={Directive}{LineEnding(context.Tree)}")]));
        }
        else
        {
            context.Report(newest.Span, $"{names} {(uses.Select(u => u.Name).Distinct().Count() == 1 ? "needs" : "need")} a newer frontend than `# syntax={directive.Value}` (Dockerfile 1.{pinned}): use `# syntax={Directive}`",
                fix: new Fix($"Use `# syntax={Directive}`", FixSafety.Unsafe, [new TextEdit(directive.ValueSpan, Directive)]));
        }
    }

    private sealed record FeatureUse(string Name, int MinVersion, TextSpan Span);

    /// <summary>Every use of a frontend feature, with the minor version of Dockerfile 1.x that made it stable; null when there is none.</summary>
    /// <remarks>Plain loops, allocating only for a use found: every file is asked this, and most use no such feature.</remarks>
    private static List<FeatureUse>? Features(SyntaxTree tree)
    {
        List<FeatureUse>? uses = null;
        var instructions = tree.Root.Instructions;
        for (var i = 0; i < instructions.Count; i++)
            Collect(instructions[i], ref uses);
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i] is OnbuildInstructionSyntax { Trigger: { } trigger })
                Collect(trigger, ref uses);
        }
        return uses;
    }

    private static void Collect(InstructionSyntax instruction, ref List<FeatureUse>? uses)
    {
        var flags = instruction.Flags;
        if (flags.Count == 0 && instruction.Heredocs.Count == 0)
            return;
        string? keyword = null;
        for (var i = 0; i < flags.Count; i++)
        {
            var flag = flags[i];
            var version = (instruction.Kind, flag.Name) switch
            {
                (InstructionKind.Run, "mount") => 2,
                (InstructionKind.Run, "network") => 3,
                (InstructionKind.Run, "security") => 20,
                (InstructionKind.Run, "device") => 27,
                (InstructionKind.Copy or InstructionKind.Add, "link") => 4,
                (InstructionKind.Copy or InstructionKind.Add, "exclude") => 19,
                (InstructionKind.Copy, "parents") => 20,
                (InstructionKind.Add, "checksum" or "keep-git-dir") => 6,
                (InstructionKind.Add, "unpack") => 17,
                _ => 0,
            };
            if (version > 0)
                (uses ??= []).Add(new FeatureUse($"{keyword ??= instruction.Keyword.ToUpperInvariant()} --{flag.Name}", version, flag.Span));
        }
        if (instruction.Heredocs.Count > 0 && instruction.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add)
            (uses ??= []).Add(new FeatureUse($"{keyword ?? instruction.Keyword.ToUpperInvariant()} heredocs", 4, instruction.Heredocs[0].MarkerSpan));
    }

    /// <summary>The 1.x minor version a directive pins (<c>docker/dockerfile:1.4</c>, <c>:1.4.3</c>), or null when it follows 1.x, labs or another frontend.</summary>
    private static int? PinnedMinor(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0 || (!value[..colon].EndsWith("docker/dockerfile", StringComparison.OrdinalIgnoreCase)
            && !value[..colon].EndsWith("docker/dockerfile-upstream", StringComparison.OrdinalIgnoreCase)))
            return null;
        var tag = value[(colon + 1)..];
        if (tag.Contains("labs", StringComparison.OrdinalIgnoreCase) || !tag.StartsWith("1.", StringComparison.Ordinal))
            return null;
        var minor = tag[2..].Split('.', '-')[0];
        return int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static string Version(int minor) => "Dockerfile 1." + minor.ToString(CultureInfo.InvariantCulture);

    private static string LineEnding(SyntaxTree tree)
    {
        // Read as bytes: in UTF-8 a CR or LF byte is always that character.
        var text = tree.Source.Bytes[..Math.Min(tree.Source.Length, 4096)];
        var newline = text.IndexOf((byte)'\n');
        return newline > 0 && text[newline - 1] == (byte)'\r' ? "\r\n" : "\n";
    }
}
