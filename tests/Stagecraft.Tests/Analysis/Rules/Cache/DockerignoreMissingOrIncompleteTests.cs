using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Cache;
using Stagecraft.Analysis.Rules.Knowledge;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Rules.Cache;

public class DockerignoreMissingOrIncompleteTests
{
    private static readonly DockerignoreMissingOrIncomplete Rule = new();
    private const string Dockerfile = "FROM node:20-slim\nWORKDIR /app\nCOPY [|.|] .\n";

    [Fact]
    public void Missing_file_with_git_in_the_context_is_a_warning_naming_the_context()
    {
        using var context = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(context.FullPath, ".git"));
        context.Write("package.json", "{}");
        var finding = Assert.Single(RuleAssert.Marked(Rule, Dockerfile, new BuildContext(context.FullPath, null)));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal($"no .dockerignore for the build context {context.FullPath}: `COPY . .` sends and copies everything in it, including .git; add one that excludes .git, node_modules and build output", finding.Message);
        // The fix creates the file; unsafe here, as no RUN installs the Node packages the copy would otherwise bring.
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        Assert.Empty(finding.Fix.Edits);
        var file = Assert.Single(finding.Fix.FileEdits);
        Assert.Equal((Path.Combine(context.FullPath, ".dockerignore"), FileEditKind.Create), (file.Path, file.Kind));
        Assert.EndsWith("\n.git\nnode_modules\n", file.Text);
    }

    [Fact]
    public void The_created_file_is_safe_when_the_image_installs_its_own_packages_and_nothing_runs_git()
    {
        using var context = new TempDirectory();
        context.Write("package.json", "{}");
        var withInstall = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", new BuildContext(context.FullPath, null)));
        var withGit = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && git rev-parse HEAD > version\n", new BuildContext(context.FullPath, null)));
        Assert.Equal(FixSafety.Safe, withInstall.Fix!.Safety);
        Assert.Equal(FixSafety.Unsafe, withGit.Fix!.Safety);
    }

    [Fact]
    public void An_incomplete_file_gets_the_missing_lines_appended()
    {
        using var context = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(context.FullPath, ".git"));
        context.Write(".dockerignore", "*.log\n");
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM python:3.12-slim\nCOPY . /app\n", new BuildContext(context.FullPath, null)));
        var file = Assert.Single(finding.Fix!.FileEdits);
        Assert.Equal((FileEditKind.Append, ".git\n", FixSafety.Safe), (file.Kind, file.Text, finding.Fix.Safety));
    }

    [Fact]
    public void Ignore_file_without_git_is_a_warning_when_git_is_there()
    {
        using var context = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(context.FullPath, ".git"));
        context.Write(".dockerignore", "# nothing useful\nnode_modules\n");
        var finding = Assert.Single(RuleAssert.Marked(Rule, Dockerfile, new BuildContext(context.FullPath, null)));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(".dockerignore does not exclude .git: `COPY . .` copies it into the image and any change there invalidates the copy", finding.Message);
        context.Write(".dockerignore", ".*\n");
        RuleAssert.Quiet(Rule, "FROM node:20-slim\nCOPY . .\n", new BuildContext(context.FullPath, null));
    }

    [Fact]
    public void Without_git_or_node_modules_the_missing_file_is_info()
    {
        using var context = new TempDirectory();
        var finding = Assert.Single(RuleAssert.Marked(Rule, Dockerfile, new BuildContext(context.FullPath, null)));
        Assert.Equal(Severity.Info, finding.Severity);
        RuleAssert.Quiet(Rule, "FROM node:20-slim\nCOPY . .\n", BuildContext.None);
    }

    [Theory]
    [InlineData(".git", ".git", true)]
    [InlineData("/.git/", ".git", true)]
    [InlineData("./.git", ".git", true)]
    [InlineData("**/.git", ".git", true)]
    [InlineData(".git/**", ".git", true)]
    [InlineData(".*", ".git", true)]
    [InlineData("*", ".git", true)]
    [InlineData("**", "node_modules", true)]
    [InlineData("node_*", "node_modules", true)]
    [InlineData("*\n!.git", ".git", false)]
    [InlineData("# .git", ".git", false)]
    [InlineData("src/.git", ".git", false)]
    [InlineData(".github", ".git", false)]
    [InlineData("  node_modules  \r\n", "node_modules", true)]
    public void The_dockerignore_matcher_decides_which_folders_are_left_out(string ignore, string name, bool excluded) =>
        Assert.Equal(excluded, DockerignoreMissingOrIncomplete.ExcludesFolder(Stagecraft.Analysis.Context.DockerIgnoreFile.Parse(ignore).CreateMatcher(), name));
}
