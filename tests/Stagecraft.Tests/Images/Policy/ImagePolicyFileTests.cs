using Stagecraft.Analysis.Configuration;
using Stagecraft.Images.Policy;

namespace Stagecraft.Tests.Images.Policy;

/// <summary>Policy files: every key, per-image overrides (a later matching entry wins), and errors naming file and line.</summary>
public sealed class ImagePolicyFileTests
{
    private const string Policy = """
        max-size: 150MB
        max-compressed-size: 60MiB
        max-layers: 12
        forbid-tools: [gcc, make]
        forbid-packages: gcc-*
        require-non-root: true
        require-healthcheck: false
        min-efficiency: 0.9
        max-reclaimable: 10MB
        forbid-secrets: true
        overrides:
          - images: ["registry.example.com/tools/*"]
            max-size: 1GB
            forbid-tools: []
          - images: ["registry.example.com/tools/builder"]
            max-size: 2GB
        """;

    [Fact]
    public void Every_key_is_read_with_its_line()
    {
        var file = ImagePolicyFile.Parse(Policy, "policy.yaml");
        var policy = file.Defaults;

        Assert.Equal(150_000_000L, policy.MaxSize);
        Assert.Equal(60L * 1024 * 1024, policy.MaxCompressedSize);
        Assert.Equal(12, policy.MaxLayers);
        Assert.Equal(["gcc", "make"], policy.ForbidTools);
        Assert.Equal(["gcc-*"], policy.ForbidPackages);
        Assert.True(policy.RequireNonRoot);
        Assert.False(policy.RequireHealthcheck);
        Assert.Equal(0.9, policy.MinEfficiency);
        Assert.Equal(10_000_000L, policy.MaxReclaimable);
        Assert.True(policy.ForbidSecrets);
        Assert.Equal("policy.yaml:1", policy.Sources[PolicyRules.MaxSize]);
        Assert.Equal("policy.yaml:10", policy.Sources[PolicyRules.ForbidSecrets]);
        Assert.Equal(2, file.Overrides.Count);
    }

    [Fact]
    public void Matching_overrides_apply_in_file_order_and_the_last_one_wins()
    {
        var file = ImagePolicyFile.Parse(Policy, "policy.yaml");

        var builder = file.For(ImagePolicyFile.NamesOf("registry.example.com/tools/builder:1.4", []));
        var other = file.For(ImagePolicyFile.NamesOf("registry.example.com/tools/lint:2", []));
        var app = file.For(ImagePolicyFile.NamesOf("registry.example.com/app:2", []));

        Assert.Equal(2_000_000_000L, builder.MaxSize);
        Assert.Equal("policy.yaml:16", builder.Sources[PolicyRules.MaxSize]);
        Assert.Equal(1_000_000_000L, other.MaxSize);
        Assert.Empty(other.ForbidTools!);
        Assert.Equal(150_000_000L, app.MaxSize);
        Assert.Equal(12, builder.MaxLayers);
    }

    [Fact]
    public void Flags_override_the_file()
    {
        var file = ImagePolicyFile.Parse(Policy, "policy.yaml").Defaults;
        var flags = new ImagePolicy { MaxSize = 5, Sources = new Dictionary<string, string> { [PolicyRules.MaxSize] = "--max-size" } };

        var policy = flags.Over(file);

        Assert.Equal(5L, policy.MaxSize);
        Assert.Equal("--max-size", policy.Sources[PolicyRules.MaxSize]);
        Assert.Equal(12, policy.MaxLayers);
    }

    [Fact]
    public void Image_names_match_with_and_without_tag_and_docker_hubʼs_prefixes()
    {
        var names = ImagePolicyFile.NamesOf("docker.io/library/nginx:1.27", ["localhost:5000/team/app:3"]);

        Assert.Contains("nginx", names);
        Assert.Contains("nginx:1.27", names);
        Assert.Contains("localhost:5000/team/app", names);
        Assert.True(NamePattern.Matches("localhost:5000/*", "localhost:5000/team/app"));
        Assert.True(NamePattern.Matches("ng?nx", "nginx"));
        Assert.False(NamePattern.Matches("nginx", "nginx-slim"));
    }

    [Fact]
    public void The_image_section_of_stagecraft_yaml_is_read_and_the_lint_settings_beside_it_are_left_alone()
    {
        const string Configuration = "ignored: [STG001]\nimage:\n  max-size: 1GiB\n";

        var file = ImagePolicyFile.Parse(Configuration, ".stagecraft.yaml", inConfiguration: true);
        var lint = ConfigurationFile.Parse(Configuration, ".stagecraft.yaml", "/");

        Assert.Equal(1L << 30, file.Defaults.MaxSize);
        Assert.Equal(".stagecraft.yaml:3", file.Defaults.Sources[PolicyRules.MaxSize]);
        Assert.Contains("STG001", lint.Settings.Ignored);
    }

    [Theory]
    [InlineData("max-size: 150XB\n", 1, "'max-size': '150XB': unknown unit 'XB'")]
    [InlineData("max-size: 150M\n", 1, "write MB or MiB")]
    [InlineData("\nmax-sise: 1MB\n", 2, "unknown key 'max-sise' (did you mean 'max-size'?)")]
    [InlineData("max-layers: many\n", 1, "'max-layers' must be a whole number, not 'many'")]
    [InlineData("forbid-tools: [gcx]\n", 1, "'gcx' is not a build tool")]
    [InlineData("min-efficiency: 90\n", 1, "'90' is not a ratio between 0 and 1")]
    [InlineData("require-non-root: sometimes\n", 1, "must be true or false")]
    [InlineData("overrides:\n  - max-size: 1MB\n", 2, "needs 'images'")]
    [InlineData("max-size: [1MB\n", 2, "invalid YAML")]
    public void A_malformed_policy_is_an_error_naming_file_and_line(string text, int line, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ImagePolicyFile.Parse(text, "policy.yaml"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"policy.yaml:{line}: ", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
