using Stagecraft.Analysis.Rules.Knowledge;

namespace Stagecraft.Analysis.Rules.Correctness;

/// <summary>STG251: <c>yum install</c> of packages without a version.</summary>
public sealed class YumPackageNotPinned : Rule
{
    public static readonly RuleDescriptor Id = RuleDescriptor.Create("STG251", "yum-package-not-pinned",
        "`yum install` without package versions", Severity.Warning, RuleCategory.Correctness, ["DL3033"]);

    public override RuleDescriptor Descriptor => Id;

    public override RuleExplanation Explanation { get; } = new(
        Flags: "`yum install` (ONBUILD RUNs included) of a package written without a version: a version is `name-version[-release]`, so `httpd-2.4.6` and `httpd-2.4.6-99.el7` are pinned and `httpd` is not; `yum module install` needs a stream (`nodejs:18`). ARG and ENV values are filled in first, and a package that depends on an ARG without a default counts as pinned (the build supplies the version). rpm files, paths, URLs, `@group`s and capabilities such as `'dnf-command(config-manager)'` are not package names and are left alone. One finding per install command, naming the packages.",
        WhyItMatters: "Without versions, each rebuild installs whatever the repositories hold that day: an image that built last week can fail or behave differently today, and two builds of the same commit differ.",
        Bad: "FROM centos:7\nRUN yum install -y httpd && yum clean all",
        Good: "FROM centos:7\nARG HTTPD_VERSION=2.4.6\nRUN yum install -y httpd-${HTTPD_VERSION} && yum clean all",
        FixSafety: "No automatic fix: the version to pin is yours to choose.");

    public override void Check(RuleContext context) => RpmInstallChecks.ReportUnpinnedInstalls(context, "yum");
}
