using System.CommandLine;
using Stagecraft.Analysis.Configuration;
using Stagecraft.Cli.Reporting;
using Stagecraft.Images.Inspection;
using Stagecraft.Images.Policy;
using Stagecraft.Images.Sources;
using Stagecraft.Reporting.Images;

namespace Stagecraft.Cli.Commands;

/// <summary>
/// <c>stagecraft check REF</c>: holds an image against size budgets and bans (a policy file, the <c>image:</c> section of
/// <c>.stagecraft.yaml</c>, flags, dive's <c>.dive-ci</c>) without running it. Exit 0 every rule passed, 1 a rule failed,
/// 2 a usage error or an input that cannot be used.
/// </summary>
internal static class CheckCommand
{
    private static readonly string[] Formats = ["tty", "json", "junit", "sarif", "markdown", "github"];

    public static Command Create(CliConsole console)
    {
        var reference = new Argument<string>("REF")
        {
            Description = "The image: docker-archive:PATH, oci:DIR[:TAG], oci-archive:PATH[:TAG], docker-daemon:NAME[:TAG], " +
                "docker://HOST/REPO[:TAG|@DIGEST], or a bare NAME[:TAG].",
        };
        reference.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is ['-', _, ..] value)
                result.AddError($"unknown option '{value}'");
        });
        var policy = Text("--policy", "FILE", "A policy file (the keys of .stagecraft.yaml's image: section at its top level). Without it, the nearest .stagecraft.yaml's image: section applies, if any.");
        var maxSize = Text("--max-size", "SIZE", "Budget for the uncompressed size (file data of all layers, as docker image inspect's Size): 150MB, 1.2GB, 200MiB; a plain number is bytes.");
        var maxCompressed = Text("--max-compressed-size", "SIZE", "Budget for the compressed size (the layer blobs a registry stores and a pull moves).");
        var maxLayers = new Option<int?>("--max-layers") { Description = "At most N layers.", HelpName = "N" };
        var forbidTools = Text("--forbid-tools", "TOOLS", "Comma-separated build tools that must not be in the image (gcc,make,npm,git,dotnet-sdk), found by reading its filesystem.");
        var forbidPackages = Text("--forbid-packages", "PACKAGES", "Comma-separated OS packages (dpkg, apk, rpm) that must not be installed; * matches any characters (gcc-*).");
        var requireNonRoot = new Option<bool>("--require-non-root") { Description = "The container must run as a user other than root." };
        var requireHealthcheck = new Option<bool>("--require-healthcheck") { Description = "The image must set a HEALTHCHECK (not NONE)." };
        var minEfficiency = Text("--min-efficiency", "RATIO", "dive's efficiency score must be at least this (0 to 1, e.g. 0.9).");
        var maxReclaimable = Text("--max-reclaimable", "SIZE", "Budget for bytes shipped and then overwritten or deleted by a later layer.");
        var forbidSecrets = new Option<bool>("--forbid-secrets") { Description = "No likely secret (private keys, credential files, tokens in ENV) outside test and example folders." };
        var diveCi = Text("--dive-ci", "FILE", "Also apply dive's rules from a .dive-ci file, as dive applies them.");
        var format = FormatOption.Create(
            "tty: one line per rule; json: exact numbers (docs/check.md); junit: a test case per rule; sarif; " +
                "markdown: for a pull-request comment or $GITHUB_STEP_SUMMARY; github: workflow annotations.",
            Formats);
        var platform = Text("--platform", "PLATFORM", "For a multi-platform image: os/arch[/variant] (default: this machine's, or the only one present).");
        var insecure = new Option<bool>("--insecure") { Description = "Allow a docker:// registry over plain HTTP or with a certificate that does not verify." };
        var output = Text("--output", "FILE", "Write the report to FILE (atomically) instead of standard output.");
        output.Aliases.Add("-o");

        var command = new Command("check", """
            Check an image against budgets and bans without running it: uncompressed and
            compressed size, layers, build tools, OS packages, root user, healthcheck,
            efficiency, reclaimable bytes, secrets, and dive's .dive-ci rules. Flags override
            the policy file (--policy, else .stagecraft.yaml's image: section). Sizes take SI
            (kB, MB, GB: powers of 1000) or binary (KiB, MiB, GiB: powers of 1024) units.
            Exit codes: 0 every rule passed, 1 a rule failed, 2 usage error or an image or
            file that cannot be used.
            """)
        {
            reference, policy, maxSize, maxCompressed, maxLayers, forbidTools, forbidPackages, requireNonRoot, requireHealthcheck,
            minEfficiency, maxReclaimable, forbidSecrets, diveCi, format, platform, insecure, output,
        };
        command.SetAction(parse =>
        {
            var flags = new CheckFlags(parse.GetValue(maxSize), parse.GetValue(maxCompressed), parse.GetValue(maxLayers), parse.GetValue(forbidTools),
                parse.GetValue(forbidPackages), parse.GetValue(requireNonRoot), parse.GetValue(requireHealthcheck), parse.GetValue(minEfficiency),
                parse.GetValue(maxReclaimable), parse.GetValue(forbidSecrets));
            return Run(console, parse.GetValue(reference)!, flags, parse.GetValue(policy), parse.GetValue(diveCi), parse.GetValue(format)!,
                parse.GetValue(platform), parse.GetValue(insecure), parse.GetValue(output));
        });
        return command;
    }

    private static Option<string?> Text(string name, string helpName, string description) => new(name) { Description = description, HelpName = helpName };

    private sealed record CheckFlags(string? MaxSize, string? MaxCompressedSize, int? MaxLayers, string? ForbidTools, string? ForbidPackages,
        bool RequireNonRoot, bool RequireHealthcheck, string? MinEfficiency, string? MaxReclaimable, bool ForbidSecrets)
    {
        /// <summary>The flags as a policy; every value is checked here, before the image is read.</summary>
        public ImagePolicy ToPolicy()
        {
            var sources = new Dictionary<string, string>();
            string Mark(string rule)
            {
                sources[rule] = "--" + rule;
                return rule;
            }
            var policy = new ImagePolicy
            {
                MaxSize = MaxSize is null ? null : SizeText.Parse(MaxSize, "--" + Mark(PolicyRules.MaxSize)),
                MaxCompressedSize = MaxCompressedSize is null ? null : SizeText.Parse(MaxCompressedSize, "--" + Mark(PolicyRules.MaxCompressedSize)),
                MaxLayers = MaxLayers is null ? null : MaxLayers >= 0 ? MaxLayers : throw new StagecraftException($"--{Mark(PolicyRules.MaxLayers)}: '{MaxLayers}' must be 0 or more"),
                ForbidTools = ForbidTools is null ? null : PolicyValues.Names(ForbidTools)
                    .Select(t => PolicyValues.Tool(t) ?? throw new StagecraftException($"--{Mark(PolicyRules.ForbidTools)}: {PolicyValues.UnknownTool(t)}")).ToList(),
                ForbidPackages = ForbidPackages is null ? null : PolicyValues.Names(ForbidPackages),
                RequireNonRoot = RequireNonRoot ? true : null,
                RequireHealthcheck = RequireHealthcheck ? true : null,
                MinEfficiency = MinEfficiency is null ? null
                    : PolicyValues.TryRatio(MinEfficiency, out var ratio, out var problem) ? ratio : throw new StagecraftException($"--{PolicyRules.MinEfficiency}: {problem}"),
                MaxReclaimable = MaxReclaimable is null ? null : SizeText.Parse(MaxReclaimable, "--" + Mark(PolicyRules.MaxReclaimable)),
                ForbidSecrets = ForbidSecrets ? true : null,
            };
            foreach (var (rule, set) in new[]
            {
                (PolicyRules.ForbidTools, ForbidTools is not null), (PolicyRules.ForbidPackages, ForbidPackages is not null),
                (PolicyRules.RequireNonRoot, RequireNonRoot), (PolicyRules.RequireHealthcheck, RequireHealthcheck),
                (PolicyRules.MinEfficiency, MinEfficiency is not null), (PolicyRules.MaxLayers, MaxLayers is not null), (PolicyRules.ForbidSecrets, ForbidSecrets),
            })
            {
                if (set)
                    Mark(rule);
            }
            return policy with { Sources = sources };
        }
    }

    private static int Run(CliConsole console, string referenceText, CheckFlags flags, string? policyPath, string? diveCiPath, string format,
        string? platform, bool insecure, string? outputPath)
    {
        // Everything the user typed or pointed at is checked before the image, which may be gigabytes, is read.
        var reference = InspectCommand.Reference(console, referenceText);
        var parsedPlatform = platform is null ? null : ImagePlatform.Parse(platform);
        var fromFlags = flags.ToPolicy();
        var file = PolicyFile(console, policyPath);
        var dive = diveCiPath is null ? null : DiveCiRules.Load(Path.GetFullPath(diveCiPath, console.WorkingDirectory), diveCiPath);
        if (fromFlags.IsEmpty && file is null && dive is null)
            throw new StagecraftException("nothing to check: give a rule flag (--max-size, --forbid-tools, …), --policy FILE, --dive-ci FILE, or an image: section in .stagecraft.yaml");

        var progress = ImageReadProgressLine.Wanted(console) ? new ImageReadProgressLine(console.Error) : null;
        ImageInspection image;
        try
        {
            image = ImageInspector.Inspect(reference, new ImageInspectionOptions
            {
                Read = new ImageReadOptions { Platform = parsedPlatform, Insecure = insecure, Progress = progress },
            });
        }
        finally
        {
            progress?.Clear();
        }

        var names = ImagePolicyFile.NamesOf(NameOf(reference), image.Tags);
        var policy = file is null ? fromFlags : fromFlags.Over(file.For(names));
        if (policy.IsEmpty && dive is null)
            throw new StagecraftException($"nothing to check: {file!.Path} sets no rule for this image ({string.Join(", ", names.Order(StringComparer.Ordinal).Take(4))})");
        var report = PolicyEvaluator.Evaluate(image, policy, dive);

        Action<Stream> write = format switch
        {
            "json" => stream => CheckJsonWriter.Write(report, stream),
            "junit" => stream => CheckJUnitWriter.Write(report, stream),
            "sarif" => stream => CheckSarifWriter.Write(report, stream),
            "markdown" => stream => CheckMarkdownWriter.Write(report, stream),
            "github" => stream => CheckGitHubWriter.Write(report, stream),
            _ => stream => CheckTextWriter.Write(report, stream),
        };
        if (outputPath is not null)
        {
            AtomicFile.Write(Path.GetFullPath(outputPath, console.WorkingDirectory), outputPath, write);
        }
        else
        {
            write(console.Output);
            console.Output.Flush();
        }
        return report.Passed ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>--policy FILE, else the image: section of the nearest .stagecraft.yaml (null when neither sets anything).</summary>
    private static ImagePolicyFile? PolicyFile(CliConsole console, string? policyPath)
    {
        if (policyPath is not null)
            return ImagePolicyFile.Load(Path.GetFullPath(policyPath, console.WorkingDirectory), policyPath);
        if (ConfigurationFile.Find(console.WorkingDirectory) is { } found)
            return ImagePolicyFile.FromConfiguration(found, Path.GetRelativePath(console.WorkingDirectory, found));
        return null;
    }

    /// <summary>The name patterns are matched against: an image name as given, or the archive's or layout's path.</summary>
    private static string NameOf(ImageReference reference) => reference switch
    {
        ImageNameReference name => name.Name.ToString(),
        RegistryReference registry => registry.Name.ToString(),
        DockerDaemonReference { Name: { } name } => name.ToString(),
        _ => reference.ToString(),
    };
}
