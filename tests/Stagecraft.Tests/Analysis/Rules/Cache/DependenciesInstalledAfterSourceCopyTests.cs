using Stagecraft.Analysis;
using Stagecraft.Analysis.Rules.Cache;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Analysis.Rules.Cache;

public class DependenciesInstalledAfterSourceCopyTests
{
    private static readonly DependenciesInstalledAfterSourceCopy Rule = new();

    [Fact]
    public void Install_alone_in_its_RUN_moves_before_the_copy_with_the_manifests()
    {
        const string text = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n";
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN [|npm ci|]\nRUN npm run build\n"));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("`npm ci` runs after `COPY . .` (line 3), so every source change repeats it: copy package.json and package-lock.json first and install before copying the rest", finding.Message);
        Assert.Equal(FixSafety.Unsafe, finding.Fix!.Safety);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, text, finding);
        Assert.Equal("FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json* ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n", fixedText);
    }

    [Fact]
    public void Install_leading_a_chain_is_split_off_and_flags_and_mounts_are_kept()
    {
        const string text = "FROM node:20-slim\nUSER node\nCOPY --chown=node:node . /app\nRUN --mount=type=cache,target=/home/node/.npm npm ci \\\n    && npm run build\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Info, finding.Severity); // a cache mount makes the repeat cheap, not free
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, text, finding);
        Assert.Equal("FROM node:20-slim\nUSER node\nCOPY --chown=node:node package.json package-lock.json* /app/\nRUN --mount=type=cache,target=/home/node/.npm npm ci\n"
            + "COPY --chown=node:node . /app\nRUN --mount=type=cache,target=/home/node/.npm npm run build\n", fixedText);
    }

    [Fact]
    public void Go_build_gets_a_go_mod_download_step_before_the_copy()
    {
        const string text = "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("copy go.mod and go.sum and run `go mod download` before it", finding.Message);
        var fixedText = FixApplierForTests.ApplyAndRecheck(Rule, text, finding);
        Assert.Equal("FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n", fixedText);
    }

    [Fact]
    public void Manifests_come_from_the_build_context_when_it_is_known()
    {
        using var context = new TempDirectory();
        context.Write("package.json", "{}");
        context.Write("yarn.lock", "");
        context.Write(".yarnrc.yml", "");
        const string text = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n";
        var finding = Assert.Single(RuleAssert.Lint(Rule, text, new BuildContext(context.FullPath, null)));
        Assert.Contains("copy package.json, yarn.lock and .yarnrc.yml first", finding.Message);
        Assert.Equal("FROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock .yarnrc.yml ./\nRUN yarn install --frozen-lockfile\nCOPY . .\n",
            FixApplierForTests.Apply(text, finding.Fix!));
    }

    [Fact]
    public void No_fix_when_the_manifest_is_not_at_the_context_root_or_the_working_directory_changes()
    {
        using var context = new TempDirectory();
        var missing = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nCOPY . .\nRUN npm ci\n", new BuildContext(context.FullPath, null)));
        Assert.Null(missing.Fix);
        var moved = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nCOPY . /src\nWORKDIR /src\nRUN npm ci\n"));
        Assert.Null(moved.Fix);
        var trigger = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nONBUILD COPY . .\nONBUILD RUN npm ci\n"));
        Assert.Null(trigger.Fix);
        var notFirst = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nCOPY . .\nRUN cd web && npm ci\n"));
        Assert.Null(notFirst.Fix);
    }

    [Fact]
    public void Each_ecosystem_is_reported_once_per_stage_at_its_first_install()
    {
        var findings = RuleAssert.Marked(Rule, "FROM python:3.12-slim\nCOPY . .\nRUN [|pip install -r requirements.txt|]\nRUN pip install -r requirements-dev.txt\nRUN [|poetry install|]\n");
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Only_a_cache_mount_where_the_downloads_go_makes_a_build_step_cached()
    {
        // A cache mount on the module cache (or where GOMODCACHE moved it) keeps the downloads between builds; a tmpfs does not.
        RuleAssert.Quiet(Rule, "FROM golang:1.22\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n");
        RuleAssert.Quiet(Rule, "FROM golang:1.22\nENV GOMODCACHE=/cache/mod\nCOPY . .\nRUN --mount=type=cache,target=/cache/mod go build -o /app .\n");
        var finding = Assert.Single(RuleAssert.Marked(Rule, "FROM golang:1.22\nCOPY . .\nRUN --mount=type=tmpfs,target=/go/pkg/mod [|go build -o /app .|]\n"));
        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Theory]
    [InlineData("{\"name\": \"app\", \"dependencies\": {\"express\": \"^4\"}}", FixSafety.Safe)]
    [InlineData("{\"name\": \"app\", \"scripts\": {\"postinstall\": \"node build.js\"}}", FixSafety.Unsafe)]
    [InlineData("{\"name\": \"app\", \"dependencies\": {\"lib\": \"file:../lib\"}}", FixSafety.Unsafe)]
    [InlineData("{\"name\": \"app\", \"workspaces\": [\"packages/*\"]}", FixSafety.Unsafe)]
    public void Moving_an_npm_install_is_safe_only_when_package_json_needs_nothing_else(string packageJson, FixSafety safety)
    {
        using var temp = new TempDirectory();
        temp.Write("package.json", packageJson);
        temp.Write("package-lock.json", "{}");
        var context = new BuildContext(temp.FullPath, Path.Combine(temp.FullPath, "Dockerfile"));
        var finding = Assert.Single(RuleAssert.Lint(Rule, "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", context));
        Assert.Equal(safety, finding.Fix!.Safety);
    }

    [Theory]
    [InlineData("flask==3.0.0\ngunicorn==22.0.0\n", "pip install -r requirements.txt", FixSafety.Safe)]
    [InlineData("-e .\nflask==3.0.0\n", "pip install -r requirements.txt", FixSafety.Unsafe)]
    [InlineData("-r base.txt\n", "pip install -r requirements.txt", FixSafety.Unsafe)]
    [InlineData("flask==3.0.0\n", "pip install -r requirements.txt .", FixSafety.Unsafe)]
    public void Moving_a_pip_install_is_safe_only_when_the_requirements_name_no_local_files(string requirements, string install, FixSafety safety)
    {
        using var temp = new TempDirectory();
        temp.Write("requirements.txt", requirements);
        var context = new BuildContext(temp.FullPath, Path.Combine(temp.FullPath, "Dockerfile"));
        var finding = Assert.Single(RuleAssert.Lint(Rule, $"FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN {install}\n", context));
        Assert.Equal(safety, finding.Fix!.Safety);
    }
}
