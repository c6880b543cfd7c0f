using Stagecraft.Analysis.Rules.Cache;
using Stagecraft.Analysis.Rules.Correctness;
using Stagecraft.Analysis.Rules.Maintainability;
using Stagecraft.Analysis.Rules.Security;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Analysis;

/// <summary>Every rule Stagecraft has, in id order. Adding a rule adds one line here (explicit, so Native AOT needs no reflection).</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } = Sorted(
    [
        new DockerfileSyntaxError(),
        new ShellCheckFinding(),
        new DependenciesInstalledAfterSourceCopy(),
        new WholeContextCopiedTooEarly(),
        new PackageCacheLeftInLayer(),
        new StageReferencedByNumber(),
        new ImageRunsAsRoot(),
        new FullBaseImageInFinalStage(),
        new ScratchImageWithoutCaCertificates(),
        new DockerignoreMissingOrIncomplete(),
        new BaseImageNotPinned(),
        new ConsecutiveRunInstructions(),
        new FilesRemovedInLaterLayer(),
        new BuildToolsInFinalImage(),
        new SingleStageBuild(),
        new PackageDownloadWithoutCacheMount(),
        new ExposeWithoutHealthcheck(),
        new NonProductionDependencyInstall(),
        new GoBuildWithCgoForStaticImage(),
        new BuildKitSyntaxWithoutDirective(),
        new StageNameNotLowercase(),
        new FromAsCasingMismatch(),
        new InconsistentInstructionCasing(),
        new DuplicateStageName(),
        new ReservedStageName(),
        new ShellFormCommand(),
        new DeprecatedMaintainer(),
        new UndefinedArgInFrom(),
        new RelativeWorkdir(),
        new UndefinedVariable(),
        new InstructionRepeatedInStage(),
        new LegacyKeyValueFormat(),
        new RedundantTargetPlatform(),
        new SecretInArgOrEnv(),
        new BaseImageInvalidWithDefaultArgs(),
        new ConstantFromPlatform(),
        new BaseImagePlatformMismatch(),
        new CopyOfIgnoredFile(),
        new ExposeProtocolNotLowercase(),
        new ExposeWithHostMapping(),
        new DescriptionCommentMismatch(),
        new InlineIgnorePragma(),
        new WorkdirNotAbsolute(),
        new HostCommandInRun(),
        new CdInsteadOfWorkdir(),
        new SudoInRun(),
        new AptPackageNotPinned(),
        new ArchiveCopiedThenExtracted(),
        new ExposePortOutOfRange(),
        new HealthcheckRepeated(),
        new PipPackageNotPinned(),
        new AptGetInstallWithoutYes(),
        new AptInstallsRecommends(),
        new NpmPackageNotPinned(),
        new ApkPackageNotPinned(),
        new AddForLocalFiles(),
        new CopySourcesIntoNonDirectory(),
        new CopyFromUndefinedStage(),
        new UntrustedRegistry(),
        new AptInsteadOfAptGet(),
        new GemNotPinned(),
        new YumInstallWithoutYes(),
        new YumPackageNotPinned(),
        new ZypperWithoutNonInteractive(),
        new ZypperDistUpgrade(),
        new ZypperPackageNotPinned(),
        new DnfInstallWithoutYes(),
        new DnfPackageNotPinned(),
        new CopyToRelativePathWithoutWorkdir(),
        new UseraddHighUidWithoutNoLogInit(),
        new WgetWithoutProgressOption(),
        new InvalidLabelKey(),
        new SchemaLabelMissing(),
        new LabelNotInSchema(),
        new SchemaLabelEmpty(),
        new LabelNotUrl(),
        new LabelNotRfc3339(),
        new LabelNotSpdx(),
        new LabelNotGitHash(),
        new LabelNotSemver(),
        new ImageWithoutHealthcheck(),
        new LabelNotEmail(),
        new GoInstallNotPinned(),
        new SensitiveArgOrEnvName(),
        new PlatformFlagRepeatsTargetPlatform(),
        new UserNotNumeric(),
        new CopyWholeFilesystemFromStage(),
        new CurlAndWgetInStage(),
        new MultipleCmdInStage(),
        new MultipleEntrypointInStage(),
        new ShellReplacedWithLn(),
        new PipeWithoutPipefail(),
    ]);

    /// <summary>Finds a rule by id or alias (case-insensitive).</summary>
    public static Rule? Find(string idOrAlias) => All.FirstOrDefault(r => r.Descriptor.Answers(idOrAlias));

    private static IReadOnlyList<Rule> Sorted(Rule[] rules)
    {
        Array.Sort(rules, (a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return rules;
    }
}
