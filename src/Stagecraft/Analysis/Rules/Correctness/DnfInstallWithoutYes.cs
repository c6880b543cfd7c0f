using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG255: <c>dnf install</c> that would stop to ask for confirmation.</summary>
public sealed class DnfInstallWithoutYes : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG255", "dnf-install-without-yes",
        "`dnf install` without -y", Severity.Warning, RuleCategory.Correctness, ["DL3038"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`dnf install`, `dnf groupinstall`, `dnf localinstall`, `dnf group install` and `dnf module install` in a RUN (ONBUILD RUNs included) without `-y` or `--assumeyes`. A `yes |` in front of it answers for it, and so does `--setopt=assumeyes=1`. microdnf is left alone: it never asks (its `-y` does nothing), although hadolint's DL3038 reports it too.",
        WhyItMatters: "dnf asks `Is this ok [y/N]` before it installs. A build has no one to answer: dnf reads the end of its input as \"no\", prints `Operation aborted` and the RUN fails.",
        Bad: "FROM fedora:40\nRUN dnf install httpd && dnf clean all",
        Good: "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all",
        FixSafety: "Safe: inserts `-y` after the install word.");

    public override void Check(RuleContext context) => RpmInstallChecks.ReportInstallsWithoutYes(context, "dnf");
}
