using System.Text;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft fix</c> and <c>lint --fix</c>: diff by default, --write, rule and safety selection, file creation, exit codes, one-line errors.</summary>
public sealed class FixCommandTests : IDisposable
{
    // apt-get install without --no-install-recommends (STG211, safe) and a RUN pair to merge (STG010, unsafe).
    private const string Dockerfile = "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN echo one\nRUN echo two\n";

    private readonly TempDirectory _temp = new TempDirectory().AsRepository();

    public void Dispose() => _temp.Dispose();

    private CliResult Fix(params string[] args) => CliRun.InFolder(_temp.FullPath, ["fix", .. args]);

    private string Read(string name = "Dockerfile") => File.ReadAllText(Path.Combine(_temp.FullPath, name));

    [Fact]
    public void By_default_prints_the_diff_of_the_safe_fixes_exits_1_and_writes_nothing()
    {
        _temp.Write("Dockerfile", Dockerfile);

        var result = Fix();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("""
            --- a/Dockerfile
            +++ b/Dockerfile
            @@ -1,4 +1,4 @@
             FROM debian:12-slim
            -RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
            +RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*
             RUN echo one
             RUN echo two

            """, result.OutputText);
        Assert.Contains("stagecraft: would apply 1 fix in 1 file (STG211 ×1)\n", result.Error);
        Assert.Contains("with --unsafe", result.Error);
        Assert.Equal(Dockerfile, Read());
    }

    [Fact]
    public void Nothing_to_fix_exits_0_with_an_empty_diff()
    {
        _temp.Write("Dockerfile", "FROM debian:12-slim\nCMD [\"bash\"]\n");

        var result = Fix("--diff");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.OutputText);
        Assert.Contains("stagecraft: nothing to fix", result.Error);
    }

    [Fact]
    public void Write_changes_the_file_atomically_and_summarises_on_stderr()
    {
        _temp.Write("Dockerfile", Dockerfile);

        var result = Fix("--write");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.OutputText);
        Assert.Contains("stagecraft: applied 1 fix in 1 file (STG211 ×1)\n", result.Error);
        Assert.Contains("apt-get install --no-install-recommends -y curl", Read());
        Assert.Empty(Directory.GetFiles(_temp.FullPath, "*.tmp"));
        Assert.Equal(0, Fix().ExitCode); // nothing left: fixing again has nothing to do
    }

    [Fact]
    public void Unsafe_write_also_prints_the_diff()
    {
        _temp.Write("Dockerfile", Dockerfile);

        var result = Fix("--write", "--unsafe");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-RUN echo two", result.OutputText);
        Assert.Contains("STG010", result.Error);
        Assert.DoesNotContain("RUN echo two", Read());
    }

    [Fact]
    public void A_crlf_file_stays_crlf()
    {
        _temp.Write("Dockerfile", Dockerfile.Replace("\n", "\r\n"));

        Assert.Equal(0, Fix("--write", "--unsafe").ExitCode);

        var text = Read();
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.Contains("--no-install-recommends", text);
    }

    [Fact]
    public void Rule_keeps_only_the_fixes_named_by_id_alias_or_name()
    {
        _temp.Write("Dockerfile", Dockerfile);

        Assert.Equal("", Fix("--rule", "STG010").OutputText); // unsafe: still needs --unsafe
        Assert.Contains("-RUN echo two", Fix("--rule", "consecutive-run-instructions", "--unsafe").OutputText);
        var byAlias = Fix("--rule", "DL3015", "--unsafe").OutputText;
        Assert.Contains("--no-install-recommends", byAlias);
        Assert.DoesNotContain("-RUN echo two", byAlias);
    }

    [Fact]
    public void An_unknown_rule_is_a_usage_error()
    {
        _temp.Write("Dockerfile", Dockerfile);

        var result = Fix("--rule", "STG9999");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: --rule: unknown rule 'STG9999'", result.Error);
    }

    [Fact]
    public void Pin_digests_without_unsafe_is_a_usage_error()
    {
        _temp.Write("Dockerfile", Dockerfile);

        var result = Fix("--pin-digests");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pin-digests needs --unsafe", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_one_error_line_naming_the_place_and_nothing_is_written()
    {
        _temp.Write("a/Dockerfile", Dockerfile);
        _temp.Write("b/Dockerfile", "FROM debian:12-slim\nRUN <<EOF\napt-get install -y curl\n");

        var result = Fix("--write");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^stagecraft: b/Dockerfile:\d+:\d+: .+ \(nothing was fixed\)$", line);
        Assert.Equal(Dockerfile, Read("a/Dockerfile"));
    }

    [Fact]
    public void Diff_and_write_together_are_a_usage_error()
    {
        var result = Fix("--diff", "--write");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--diff and --write cannot be used together", result.Error);
    }

    [Fact]
    public void A_missing_dockerignore_is_created_by_the_safe_fixes()
    {
        _temp.Write("Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"app.py\"]\n");

        var diff = Fix();
        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n", diff.OutputText);
        Assert.False(File.Exists(Path.Combine(_temp.FullPath, ".dockerignore")));

        var write = Fix("--write");
        Assert.Equal(0, write.ExitCode);
        Assert.Contains("stagecraft: create .dockerignore", write.Error);
        Assert.EndsWith("\n.git\n", Read(".dockerignore"));
        Assert.DoesNotContain("STG008", CliRun.InFolder(_temp.FullPath, "lint", "--format", "gnu").OutputText);
    }

    [Fact]
    public void An_incomplete_dockerignore_gets_the_missing_lines_in_its_own_line_ending()
    {
        _temp.Write("package.json", "{\"name\": \"app\"}");
        _temp.Folder("node_modules");
        _temp.Write(".dockerignore", ".git\r\n*.log");
        _temp.Write("Dockerfile", "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"app.js\"]\n");

        Assert.Equal(0, Fix("--write", "--rule", "STG008").ExitCode);

        Assert.Equal(".git\r\n*.log\r\nnode_modules\r\n", Read(".dockerignore"));
    }

    [Fact]
    public void Lint_fix_writes_the_safe_fixes_then_reports_what_remains()
    {
        _temp.Write("Dockerfile", Dockerfile);

        var result = CliRun.InFolder(_temp.FullPath, "lint", "--fix", "--format", "gnu");

        Assert.Contains("stagecraft: applied 1 fix in 1 file", result.Error);
        Assert.Contains("--no-install-recommends", Read());
        Assert.DoesNotContain("STG211", result.OutputText);
        Assert.Contains("STG010", result.OutputText);
    }

    [Fact]
    public void Standard_input_prints_the_diff_and_with_write_the_fixed_text()
    {
        var input = Encoding.UTF8.GetBytes(Dockerfile);

        var diff = CliRun.WithInput(input, "fix", "-");
        var written = CliRun.WithInput(input, "fix", "--write", "-");

        Assert.Equal(1, diff.ExitCode);
        Assert.StartsWith("--- a/-\n+++ b/-\n", diff.OutputText);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal(Dockerfile.Replace("install -y", "install --no-install-recommends -y"), written.OutputText);
    }

    [Fact]
    public void Lint_json_lists_the_file_a_fix_creates()
    {
        _temp.Write("Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"python\", \"app.py\"]\n");

        var json = CliRun.InFolder(_temp.FullPath, "lint", "--format", "json").OutputText;

        Assert.Contains("\"files\":[{\"path\":", json.Replace(" ", "").Replace("\n", ""));
        Assert.Contains("\"kind\":\"create\"", json.Replace(" ", ""));
    }
}
