using System.Text.Json;
using System.Xml.Linq;
using Stagecraft.Tests.Images.Inspection;
using Stagecraft.Tests.Support;

namespace Stagecraft.Tests.Cli;

/// <summary><c>stagecraft check</c>: exit codes, every format (golden files), policy files and flags, dive-ci, and usage errors exiting 2 with one line.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Reference, string Folder) Sample()
    {
        var folder = _temp.Folder("sample");
        return (SampleImage.Create().Save(folder), folder);
    }

    private static string Stable(string text, string folder) => text
        .Replace(JsonEncodedText.Encode(folder).ToString(), "{image}", StringComparison.Ordinal)
        .Replace(folder, "{image}", StringComparison.Ordinal);

    // Two rules that fail on the sample (gcc, a secret) and two that pass (size, non-root).
    private static readonly string[] Rules = ["--max-size", "150MB", "--forbid-tools", "gcc,make", "--require-non-root", "--forbid-secrets"];

    [Theory]
    [InlineData("tty", "txt")]
    [InlineData("json", "json")]
    [InlineData("junit", "xml")]
    [InlineData("sarif", "sarif")]
    [InlineData("markdown", "md")]
    [InlineData("github", "github.txt")]
    public void Each_format_of_a_failing_check_matches_its_golden_file_and_exits_1(string format, string extension)
    {
        var (reference, folder) = Sample();

        var result = CliRun.Run(["check", reference, .. Rules, "--format", format]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Error);
        var text = Stable(result.OutputText, folder);
        if (format == "sarif")
            text = System.Text.RegularExpressions.Regex.Replace(text, "\"version\": \"[^\"]*\",\n(\\s*\"informationUri)", "\"version\": \"{version}\",\n$1");
        GoldenFile.AssertMatches($"tests/Stagecraft.Tests/Images/Policy/Golden/check-sample.{extension}", text);
    }

    [Fact]
    public void Json_and_junit_are_well_formed_and_agree_on_what_failed()
    {
        var (reference, _) = Sample();

        using var json = JsonDocument.Parse(CliRun.Run(["check", reference, .. Rules, "--format", "json"]).OutputText);
        var junit = XDocument.Parse(CliRun.Run(["check", reference, .. Rules, "--format", "junit"]).OutputText);

        var failedJson = json.RootElement.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("rule").GetString()!).ToArray();
        var failedJunit = junit.Descendants("testcase").Where(t => t.Element("failure") is not null).Select(t => t.Attribute("name")!.Value).ToArray();
        Assert.Equal(["forbid-tools", "forbid-secrets"], failedJson);
        Assert.Equal(failedJson, failedJunit);
        Assert.Equal(4, junit.Descendants("testcase").Count());
    }

    [Fact]
    public void Every_rule_passing_exits_0()
    {
        var (reference, _) = Sample();

        var result = CliRun.Run("check", reference, "--max-size", "1GB", "--require-non-root", "--require-healthcheck", "--max-layers", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Result: PASS, all 4 rules passed", result.OutputText);
    }

    [Fact]
    public void Dive_ci_sample_is_applied_with_diveʼs_rules()
    {
        var diveCi = SharedData.Require("testdata/dive-images/dive-ci");
        var (reference, _) = Sample();

        var result = CliRun.Run("check", reference, "--dive-ci", diveCi, "--format", "json");

        using var json = JsonDocument.Parse(result.OutputText);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("rule").GetString()!);
        Assert.Equal(["dive:lowestEfficiency", "dive:highestWastedBytes", "dive:highestUserWastedPercent"], checks.Keys);
        Assert.Equal(20_000_000, checks["dive:highestWastedBytes"].GetProperty("limit").GetInt64());
        Assert.Equal(0.95, checks["dive:lowestEfficiency"].GetProperty("limit").GetDouble());
        // The sample wastes 20,000 bytes (the deleted file's two occurrences) of ~33 kB above its base layer.
        Assert.False(checks["dive:lowestEfficiency"].GetProperty("passed").GetBoolean());
        Assert.True(checks["dive:highestWastedBytes"].GetProperty("passed").GetBoolean());
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void The_image_section_of_stagecraft_yaml_applies_and_flags_override_it()
    {
        var (reference, _) = Sample();
        var repository = new TempDirectory().AsRepository();
        try
        {
            repository.Write(".stagecraft.yaml", "image:\n  max-size: 10kB\n  require-healthcheck: true\n");

            var fromFile = CliRun.InFolder(repository.FullPath, "check", reference);
            var overridden = CliRun.InFolder(repository.FullPath, "check", reference, "--max-size", "1MB", "--format", "json");

            Assert.Equal(1, fromFile.ExitCode);
            Assert.Contains("FAIL  max-size", fromFile.OutputText);
            Assert.Equal(0, overridden.ExitCode);
            using var json = JsonDocument.Parse(overridden.OutputText);
            var sources = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("source").GetString()!).ToArray();
            Assert.Equal(["--max-size", ".stagecraft.yaml:3"], sources);
            // lint reads the same file without complaining about the image section.
            var lint = CliRun.WithInput("FROM scratch\n"u8.ToArray(), "lint", "-");
            Assert.NotEqual(2, lint.ExitCode);
        }
        finally
        {
            repository.Dispose();
        }
    }

    [Fact]
    public void A_policy_file_with_per_image_patterns_applies_the_entry_matching_the_image()
    {
        var (reference, folder) = Sample();
        var policy = _temp.Write("policy.yaml", $"max-layers: 1\noverrides:\n  - images: [\"oci:{folder}*\"]\n    max-layers: 3\n");

        var result = CliRun.Run("check", reference, "--policy", policy);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PASS  max-layers", result.OutputText);
    }

    [Fact]
    public void Output_writes_the_report_to_a_file()
    {
        var (reference, _) = Sample();
        var target = Path.Combine(_temp.FullPath, "report.md");

        var result = CliRun.Run("check", reference, "--max-size", "1GB", "--format", "markdown", "--output", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.StartsWith("### ✅ Image check: all 1 rule passed", File.ReadAllText(target));
    }

    [Fact]
    public void A_malformed_policy_file_exits_2_naming_file_and_line()
    {
        var (reference, _) = Sample();
        var policy = _temp.Write("policy.yaml", "max-layers: 3\nmax-size: 150 parsecs\n");

        var result = CliRun.InFolder(_temp.FullPath, "check", reference, "--policy", "policy.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("stagecraft: policy.yaml:2: 'max-size': '150 parsecs': unknown unit 'parsecs'; " +
            "write a number of bytes, or a number with kB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 150MB\n", result.Error);
        Assert.Empty(result.Output);
        Assert.True(File.Exists(policy));
    }

    [Fact]
    public void A_misconfigured_dive_ci_exits_2_naming_file_and_line()
    {
        var (reference, _) = Sample();
        _temp.Write(".dive-ci", "rules:\n  lowestEfficiency: 95\n");

        var result = CliRun.InFolder(_temp.FullPath, "check", reference, "--dive-ci", ".dive-ci");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: .dive-ci:2: rules.lowestEfficiency: '95' is outside 0 to 1", result.Error);
    }

    [Theory]
    [InlineData("--max-size", "150M", "stagecraft: --max-size: '150M': 'M' could mean powers of 1000 or of 1024; write MB or MiB")]
    [InlineData("--forbid-tools", "gcc,vim", "stagecraft: --forbid-tools: 'vim' is not a build tool stagecraft finds")]
    [InlineData("--min-efficiency", "95%", "stagecraft: --min-efficiency: '95%' is not a ratio between 0 and 1")]
    [InlineData("--format", "html", "stagecraft: --format: unknown value 'html'")]
    public void A_bad_flag_exits_2_with_one_line_before_the_image_is_read(string flag, string value, string expected)
    {
        // The image does not exist: the flag must be refused first.
        var result = CliRun.Run("check", "oci:/nonexistent/layout", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error);
    }

    [Fact]
    public void Nothing_to_check_is_a_usage_error()
    {
        var (reference, _) = Sample();

        var result = CliRun.InFolder(_temp.FullPath, "check", reference);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: nothing to check", result.Error);
    }

    [Fact]
    public void An_image_that_cannot_be_read_exits_2()
    {
        var result = CliRun.Run("check", "oci:/nonexistent/layout", "--max-size", "1GB");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("stagecraft: ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }
}
