using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft init</c>: writes both files, explains without writing, refuses to overwrite without --force, one-line errors with exit 2.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private void GoService(string folder = "")
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        _temp.Write(prefix + "go.mod", "module m\n\ngo 1.24\n");
        _temp.Write(prefix + "main.go", "package main\n\nfunc main() { route(\"/health\"); serve(\":8080\") }\n");
    }

    private CliResult Init(params string[] args) => CliRun.InFolder(_temp.FullPath, ["init", .. args]);

    [Fact]
    public void Init_writes_the_Dockerfile_and_the_dockerignore_and_says_how_to_build()
    {
        GoService();

        var result = Init();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("wrote Dockerfile\nwrote .dockerignore\nBuild: docker build .\n", result.OutputText);
        Assert.Equal("", result.Error);
        Assert.StartsWith("# syntax=docker/dockerfile:1\n", File.ReadAllText(Path.Combine(_temp.FullPath, "Dockerfile")));
        Assert.Contains("\n.git\n", File.ReadAllText(Path.Combine(_temp.FullPath, ".dockerignore")));
        Assert.Empty(Directory.GetFiles(_temp.FullPath, "*.tmp"));
    }

    [Theory]
    [InlineData("./")]
    [InlineData(".")]
    public void A_trailing_slash_names_the_same_folder(string folder)
    {
        GoService();

        var result = Init(folder);

        Assert.Equal("wrote Dockerfile\nwrote .dockerignore\nBuild: docker build .\n", result.OutputText);
    }

    [Fact]
    public void Explain_prints_each_decision_with_its_evidence_and_writes_nothing()
    {
        GoService();

        var result = Init("--explain", "--port", "9000");

        Assert.Equal(0, result.ExitCode);
        var output = result.OutputText;
        Assert.StartsWith("Plan for . (nothing written; without --explain, init writes Dockerfile and .dockerignore):\n", output);
        Assert.Matches(@"\n  stack +Go +from go\.mod\n", output);
        Assert.Matches(@"\n  version +1\.24\.9 +from go\.mod go \(1\.24\)\n", output);
        Assert.Matches(@"\n  port +9000 +from --port\n", output);
        Assert.Matches(@"\n  health check +GET /health +from main\.go:3\n", output);
        Assert.Matches(@"\n  runtime image +scratch +from static binary \(CGO_ENABLED=0\)\n", output);
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, "Dockerfile")));
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, ".dockerignore")));
    }

    [Fact]
    public void Notes_go_to_standard_error_and_appear_in_the_explanation()
    {
        _temp.Write("go.mod", "module m\n\ngo 1.24\n");
        _temp.Write("main.go", "package main\n");

        var explained = Init("--explain");
        var written = Init();

        Assert.Contains("Notes:\n  - no port found in the source: pass --port", explained.OutputText);
        Assert.Equal("stagecraft: note: no port found in the source: pass --port to get EXPOSE and a HEALTHCHECK\n", written.Error);
    }

    [Fact]
    public void An_existing_Dockerfile_is_kept_without_force()
    {
        GoService();
        _temp.Write("Dockerfile", "FROM golang:1.24\n");

        var result = Init();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: Dockerfile already exists: pass --force to replace (the change is printed as a diff), or --dry-run to see it\n", result.Error);
        Assert.Equal("FROM golang:1.24\n", File.ReadAllText(Path.Combine(_temp.FullPath, "Dockerfile")));
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, ".dockerignore")));
    }

    [Fact]
    public void Force_replaces_the_files_and_prints_the_diff_of_what_changed()
    {
        GoService();
        _temp.Write("Dockerfile", "FROM golang:1.24\n");
        _temp.Write(".dockerignore", "ignored-before\n");

        var result = Init("--force");

        Assert.Equal(0, result.ExitCode);
        var output = result.OutputText;
        Assert.StartsWith("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,1 +1,", output);
        Assert.Contains("\n-FROM golang:1.24\n+# syntax=docker/dockerfile:1\n", output);
        Assert.Contains("--- a/.dockerignore\n+++ b/.dockerignore\n", output);
        Assert.Contains("\n-ignored-before\n", output);
        Assert.EndsWith("wrote Dockerfile\nwrote .dockerignore\nBuild: docker build .\n", output);
        Assert.StartsWith("# syntax=", File.ReadAllText(Path.Combine(_temp.FullPath, "Dockerfile")));

        var again = Init("--force");
        Assert.Equal("unchanged Dockerfile\nunchanged .dockerignore\nBuild: docker build .\n", again.OutputText);
    }

    [Fact]
    public void Dry_run_prints_the_change_as_a_diff_and_writes_nothing()
    {
        GoService();
        _temp.Write("Dockerfile", "FROM golang:1.24\n");

        var result = Init("--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("--- a/Dockerfile\n+++ b/Dockerfile\n", result.OutputText);
        Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,", result.OutputText);
        Assert.Equal("FROM golang:1.24\n", File.ReadAllText(Path.Combine(_temp.FullPath, "Dockerfile")));
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, ".dockerignore")));
    }

    [Fact]
    public void A_service_folder_of_a_monorepo_gets_its_files_and_the_build_command_names_the_context()
    {
        _temp.Write("go.mod", "module m\n\ngo 1.24\n");
        _temp.Write("services/api/main.go", "package main\n\nfunc main() { route(\"/health\"); serve(\":8080\") }\n");
        _temp.Write("services/web/package.json", "{}");

        var go = Init("services/api");
        var node = Init("services/web");

        Assert.Equal(0, go.ExitCode);
        Assert.Equal("wrote services/api/Dockerfile\nwrote services/api/Dockerfile.dockerignore\nBuild: docker build -f services/api/Dockerfile .\n", go.OutputText);
        Assert.Equal(0, node.ExitCode);
        Assert.Equal("wrote services/web/Dockerfile\nwrote services/web/.dockerignore\nBuild: docker build services/web\n", node.OutputText);
        Assert.Contains("-o /out/api ./services/api", File.ReadAllText(Path.Combine(_temp.FullPath, "services/api/Dockerfile")));
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, ".dockerignore")));
    }

    [Fact]
    public void No_stack_is_a_one_line_error_naming_what_was_looked_for()
    {
        _temp.Folder("empty");

        var result = Init("empty");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: empty: no supported project found: looked for Node.js: package.json; Python: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", result.OutputText);
    }

    [Fact]
    public void Conflicting_lockfiles_are_a_one_line_error()
    {
        _temp.Write("app/package.json", "{}");
        _temp.Write("app/package-lock.json", "{}");
        _temp.Write("app/pnpm-lock.yaml", "");

        var result = Init("app");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: app: conflicting lockfiles package-lock.json (npm) and pnpm-lock.yaml (pnpm): delete the stale one or pass --package-manager\n", result.Error);
    }

    [Theory]
    [InlineData(new[] { "missing" }, "stagecraft: missing: no such folder")]
    [InlineData(new[] { "--stack", "cobol" }, "stagecraft: --stack: unknown stack 'cobol'; expected node, python, go, rust, java, dotnet, ruby, php\n")]
    [InlineData(new[] { "--port", "70000" }, "stagecraft: --port: 70000 is not a port (1-65535)")]
    [InlineData(new[] { "--start", "node a.js && node b.js" }, "stagecraft: --start: write the command as plain words")]
    [InlineData(new[] { "--package-manager", "ant" }, "stagecraft: --package-manager: unknown package manager 'ant'; expected npm, yarn, yarn-berry, pnpm, pip, poetry, uv, pipenv, go, cargo, maven, gradle, dotnet, bundler, composer\n")]
    [InlineData(new[] { "--version", "latest" }, "stagecraft: --version: 'latest' is not a version")]
    [InlineData(new[] { "--explain", "--dry-run" }, "stagecraft: --explain and --dry-run cannot be used together")]
    public void Bad_input_exits_2_with_one_line(string[] args, string error)
    {
        GoService();

        var result = Init(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(error, result.Error);
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, "Dockerfile")));
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var result = Init("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--explain", "--dry-run", "--force", "--stack", "--version", "--port", "--start", "--base", "--package-manager", "DIR" })
            Assert.Contains(option, result.OutputText);
    }

    [Fact]
    public void Explain_names_the_workspace_root_as_the_context_of_a_Cargo_member()
    {
        _temp.Write("Cargo.toml", "[workspace]\nmembers = [\"api\"]\n");
        _temp.Write("Cargo.lock", "");
        _temp.Write("api/Cargo.toml", "[package]\nname = \"api\"\n");
        _temp.Write("api/src/main.rs", "fn main() { serve(\"0.0.0.0:8080\"); }\n");

        var result = Init("api", "--explain");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\n  stack +Rust +from \.\./Cargo\.toml\n", result.OutputText);
        Assert.Matches(@"\n  binary +api +from Cargo\.toml package\.name\n", result.OutputText);
        Assert.Matches(@"\n  build context +\. +from the Cargo workspace root\n", result.OutputText);
        Assert.Matches(@"\n  health check +none +from no health route found in the source, and the image has nothing else to probe with\n", result.OutputText);
        Assert.EndsWith("Build: docker build -f api/Dockerfile .\n", result.OutputText);
    }

    [Fact]
    public void The_stack_flag_chooses_a_server_stack_and_notes_go_to_standard_error()
    {
        _temp.Write("Gemfile", "gem 'rails'\n");
        _temp.Write("config/application.rb", "");
        _temp.Write("package.json", "{}");

        var result = Init("--stack", "ruby");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# syntax=docker/dockerfile:1\n# Written by `stagecraft init` for a Ruby ", File.ReadAllText(Path.Combine(_temp.FullPath, "Dockerfile")));
        Assert.Contains("stagecraft: note: no Gemfile.lock", result.Error);
    }

    [Fact]
    public void Help_names_the_stacks()
    {
        var result = Init("--help");

        foreach (var stack in new[] { "Rust (cargo)", "Java (Maven, Gradle)", ".NET", "Ruby (Bundler)", "PHP (Composer)" })
            Assert.Contains(stack, result.OutputText);
    }
}
