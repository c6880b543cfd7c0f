using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG250: <c>yum install</c> that would stop to ask for confirmation.</summary>
public sealed class YumInstallWithoutYes : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG250", "yum-install-without-yes",
        "`yum install` without -y", Severity.Warning, RuleCategory.Correctness, ["DL3030"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`yum install`, `yum groupinstall`, `yum localinstall` and `yum group install` in a RUN (ONBUILD RUNs included) without `-y` or `--assumeyes`. A `yes |` in front of it answers for it, and so does `--setopt=assumeyes=1`.",
        WhyItMatters: "yum asks `Is this ok [y/N]` before it installs. A build has no one to answer: yum reads the end of its input as \"no\", prints `Exiting on user command` and the RUN fails.",
        Bad: "FROM centos:7\nRUN yum install httpd && yum clean all",
        Good: "FROM centos:7\nRUN yum install -y httpd && yum clean all",
        FixSafety: "Safe: inserts `-y` after the install word.");

    public override void Check(RuleContext context) => RpmInstallChecks.ReportInstallsWithoutYes(context, "yum");
}
