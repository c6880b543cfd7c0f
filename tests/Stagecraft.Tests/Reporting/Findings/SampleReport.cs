using Stagecraft.Analysis;
using Stagecraft.Reporting.Findings;

namespace Stagecraft.Tests.Reporting.Findings;

/// <summary>
/// The one input every reporter's golden file is made from: two files, four findings, one of each severity — one with
/// a fix, one with aliases, one in a folder with a non-ASCII name whose message has non-ASCII text and a line break,
/// one whose span swallows its line break. The rules are stand-ins (STG9xx), so goldens do not move as real rules land.
/// </summary>
internal static class SampleReport
{
    public const string Dockerfile = "FROM ubuntu:latest AS build\nRUN apt-get update && apt-get install -y curl\nUSER root\n";

    public const string ServiceDockerfile = "FROM alpine:3.20\nLABEL description=\"Café 🐳 service\"\n";

    public const string ServicePath = "services/café/Dockerfile";

    public static readonly Rule[] Rules = [new BaseImageLatest(), new AptListsKept(), new RunsAsRoot(), new LabelWithoutNamespace()];

    /// <summary>Options with a fixed version and the stand-in rules, so output does not change with the build or the catalog.</summary>
    public static FindingsReporterOptions Options { get; } = new() { ToolVersion = "1.2.3", Rules = Rules };

    public static LintReport Build() => new ReportBuilder(Severity.Warning)
        .File("Dockerfile", Dockerfile, file => file
            .Add(Rules[0], "ubuntu:latest", "Pin the base image: `ubuntu:latest` changes under you", stage: "build")
            .Add(Rules[1], "apt-get update && apt-get install -y curl", "apt lists stay in the layer (about 40 MB): remove them in the same RUN",
                stage: "build",
                fix: new Fix("Remove the apt lists in the same RUN", FixSafety.Safe,
                    [new TextEdit(file.After("install -y curl"), " && rm -rf /var/lib/apt/lists/*")]))
            .Add(Rules[2], "USER root\n", "The image runs as root; switch to a non-root USER last", stage: "build"))
        .File(ServicePath, ServiceDockerfile, file => file
            .Add(Rules[3], "description=\"Café 🐳 service\"", "Label «description» has no namespace;\nprefer org.opencontainers.image.description"))
        .Build();

    public static LintReport Clean() => new ReportBuilder().File("Dockerfile", "FROM alpine:3.20\n").Build();

    /// <summary>What a reporter writes for a report, as text.</summary>
    public static string Render(IFindingsReporter reporter, LintReport report)
    {
        using var stream = new MemoryStream();
        reporter.Write(report, stream);
        return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(stream.ToArray());
    }

    public static string Render(string format, LintReport report, FindingsReporterOptions? options = null) =>
        Render(FindingsReporters.Create(format, options ?? Options), report);

    private abstract class StandIn(RuleDescriptor descriptor, RuleExplanation explanation) : Rule
    {
        public override RuleDescriptor Descriptor => descriptor;
        public override RuleExplanation Explanation => explanation;
        public override void Check(RuleContext context)
        {
        }
    }

    private sealed class BaseImageLatest() : StandIn(
        RuleDescriptor.Create("STG901", "base-image-latest", "Base image uses the latest tag", Severity.Warning, RuleCategory.Maintainability, ["DL3007"]),
        new RuleExplanation(
            Flags: "A FROM whose image has the `latest` tag or no tag.",
            WhyItMatters: "The image changes without the Dockerfile changing, so builds stop being reproducible.",
            Bad: "FROM ubuntu:latest",
            Good: "FROM ubuntu:24.04",
            FixSafety: "No automatic fix."));

    private sealed class AptListsKept() : StandIn(
        RuleDescriptor.Create("STG902", "apt-lists-kept", "Apt lists are left in the layer", Severity.Info, RuleCategory.Size),
        new RuleExplanation(
            Flags: "A RUN that runs `apt-get update` without removing `/var/lib/apt/lists` in the same RUN.",
            WhyItMatters: "The lists add tens of megabytes to the layer and are stale by the next build.",
            Bad: "RUN apt-get update && apt-get install -y curl",
            Good: "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
            FixSafety: "Safe: appends the removal to the same RUN.",
            Options: "None."));

    private sealed class RunsAsRoot() : StandIn(
        RuleDescriptor.Create("STG903", "runs-as-root", "The image runs as root", Severity.Error, RuleCategory.Security),
        new RuleExplanation(
            Flags: "A final stage whose last USER is root.",
            WhyItMatters: "A process that escapes the container is root on the host's kernel.",
            Bad: "USER root",
            Good: "USER app",
            FixSafety: "No automatic fix."));

    private sealed class LabelWithoutNamespace() : StandIn(
        RuleDescriptor.Create("STG904", "label-without-namespace", "Label key has no namespace", Severity.Style, RuleCategory.Maintainability),
        new RuleExplanation(
            Flags: "A LABEL key without a reverse-DNS prefix.",
            WhyItMatters: "Keys without a namespace collide with labels of base images and tools.",
            Bad: "LABEL description=\"x\"",
            Good: "LABEL org.opencontainers.image.description=\"x\"",
            FixSafety: "No automatic fix."));
}
