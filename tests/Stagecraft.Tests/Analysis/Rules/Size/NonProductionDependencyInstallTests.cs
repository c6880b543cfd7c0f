using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Size;

namespace Stagecraft.Tests.Analysis.Rules.Size;

public class NonProductionDependencyInstallTests
{
    private static readonly NonProductionDependencyInstall Rule = new();

    [Fact]
    public void Npm_install_with_a_copied_lockfile_is_fixed_to_npm_ci()
    {
        var text = "FROM node:22 AS build\nCOPY package*.json package-lock.json ./\nRUN [|npm i|] && npm run build\nFROM nginx\nCOPY --from=build /dist /usr/share/nginx/html\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, text));
        Assert.Equal("`npm i` can resolve other versions than package-lock.json pins: use `npm ci`, which installs exactly the lockfile", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAll(RuleAssert.Unmark(text).Text, [finding]);
        Assert.Contains("RUN npm ci && npm run build", fixedText);
        RuleAssert.Quiet(Rule, fixedText);
    }

    [Fact]
    public void Dev_dependencies_in_the_final_image_suggest_omitting_them()
    {
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM node:22-slim\nRUN [|npm ci|]\nCMD [\"node\", \"server.js\"]\n"));
        Assert.Equal("`npm ci` installs development dependencies into the final image: add --omit=dev", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_build_after_the_install_points_to_a_build_stage_instead()
    {
        var single = Assert.Single(RuleAssert.Marked(Rule, "FROM node:22-slim\nRUN [|npm ci|]\nRUN npm run build\n"));
        Assert.Equal("`npm ci` installs development dependencies that the build on line 3 needs, and they stay in the image: move the build to its own stage (see STG013) and install with --omit=dev in the runtime stage", single.Message);
        var multi = Assert.Single(RuleAssert.Marked(Rule, "FROM node:22 AS deps\nFROM node:22-slim\nRUN [|pnpm install|] && pnpm build\n"));
        Assert.Contains("that the build on line 3 needs, and they stay in the final image: build in a separate stage and install with --prod in the runtime stage, or prune after the build", multi.Message);
    }

    [Fact]
    public void Pip_dev_requirements_and_extras_are_named()
    {
        var findings = RuleAssert.Marked(Rule, "FROM python:3.12\nRUN [|pip install -r requirements/dev.txt|] && [|pip install -e .[dev,docs]|] && pip install -r requirements.txt\n");
        Assert.Equal("`pip install requirements/dev.txt` installs development dependencies into the final image: add a requirements file without development tools", findings[0].Message);
        Assert.Contains(".[dev,docs]", findings[1].Message);
    }
}
